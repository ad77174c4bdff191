package dev.ingot.template.model;

import dev.ingot.diag.Range;
import java.util.Optional;

/**
 * What the {@code packer} blocks say: the {@code required_version} constraint and where it is
 * written. {@code required_plugins} only gives a warning (plugins are built in), so it is not kept.
 * Immutable.
 */
public record PackerBlock(Optional<VersionConstraint> requiredVersion, Range range) {}
