package dev.ingot.disk.format;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code disk-info} reports about an image. {@code subformat} is the VMDK create type
 * ("streamOptimized"), the VHD kind ("fixed", "dynamic"), the qcow2 compat level ("1.1") or "" for
 * raw; {@code clusterSize} is the allocation unit in bytes (0 when there is none); {@code details}
 * holds further format-specific keys in qemu-img's spelling; {@code fileSize} counts every file of
 * the image (a descriptor VMDK's extents too, not a backing image). Sizes in bytes. Immutable.
 */
public record DiskInfo(
    DiskFormat format,
    long virtualSize,
    long fileSize,
    long clusterSize,
    String subformat,
    Map<String, Object> details) {
  public DiskInfo {
    if (virtualSize < 0 || fileSize < 0 || clusterSize < 0) {
      throw new IllegalArgumentException("negative size in disk info");
    }
    subformat = subformat == null ? "" : subformat;
    details = Collections.unmodifiableMap(new TreeMap<>(details));
  }
}
