package dev.ingot.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * Implemented by a step's exception whose failure is explained by files the step wrote (a scan
 * report that says which findings failed the policy). When the engine cleans up the output
 * directory of the failed build it keeps these files (those inside the output directory) and
 * removes everything else, so no half-written image is left but the explanation is.
 */
public interface KeptOnFailure {
  /** Absolute paths of the files to keep. */
  List<Path> keptFiles();
}
