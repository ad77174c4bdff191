package dev.ingot.scan.inventory;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads one kind of package database from a root filesystem: dpkg's status file, distroless's
 * {@code status.d}, and (next) RPM's {@code rpmdb.sqlite}. Readers are stateless and thread-safe;
 * {@link InventoryReader} asks each in turn.
 */
public interface PackageDbReader {
  /** The format name recorded in the inventory ("deb", "rpm"). */
  String format();

  /** The packages found, or empty when this root has no database of this kind. */
  Optional<PackageDb> read(RootView root) throws IOException;
}
