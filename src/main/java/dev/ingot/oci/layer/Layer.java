package dev.ingot.oci.layer;

import dev.ingot.fs.Digest;
import dev.ingot.oci.model.Descriptor;

/**
 * A layer blob: its descriptor (compressed digest and size), its diff id (sha256 of the
 * uncompressed tar) and uncompressed size in bytes. Immutable.
 */
public record Layer(Descriptor descriptor, Digest diffId, long uncompressedSize) {}
