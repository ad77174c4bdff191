package dev.ingot.oci.layout;

import dev.ingot.oci.model.Image;

/** An image with the name it is stored under in a layout or archive (a tag, may be null). */
public record Tagged(String name, Image image) {}
