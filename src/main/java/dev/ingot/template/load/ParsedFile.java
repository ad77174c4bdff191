package dev.ingot.template.load;

import dev.ingot.template.hcl.Body;

/** A parsed template or var file: the name diagnostics use, its bytes and its body. Immutable. */
public record ParsedFile(String name, byte[] bytes, Body body) {}
