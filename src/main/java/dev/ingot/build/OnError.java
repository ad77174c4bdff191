package dev.ingot.build;

/**
 * What a failed build does, as Packer's -on-error: {@code CLEANUP} (default) runs the build's
 * cleanups and removes its output directory; {@code ABORT} leaves everything as it is for
 * inspection (temporary files, outputs). Packer's {@code ask} is not offered: the CLI treats it as
 * abort and says so.
 */
public enum OnError {
  CLEANUP,
  ABORT
}
