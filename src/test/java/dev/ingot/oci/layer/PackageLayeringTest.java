package dev.ingot.oci.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageLayeringTest {
  @TempDir Path tmp;

  @Test
  void splitsByDpkgFileListsWithParentsInEachLayer() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp);
    var libcList =
        blobs.put(
            new ByteArrayInputStream(
                "/.\n/lib\n/lib/libc.so.6\n/usr\n".getBytes(StandardCharsets.UTF_8)));
    var sslSums =
        blobs.put(
            new ByteArrayInputStream(
                "0123  usr/lib/libssl.so.3\n".getBytes(StandardCharsets.UTF_8)));
    FileTree t =
        FileTree.builder()
            .put(FileEntry.directory("lib", 0755, 0, 0, 1))
            .put(FileEntry.file("lib/libc.so.6", 0755, 0, 0, 1, 0, null))
            .put(FileEntry.directory("usr", 0755, 0, 0, 1))
            .put(FileEntry.directory("usr/lib", 0755, 0, 0, 1))
            .put(FileEntry.file("usr/lib/libssl.so.3", 0644, 0, 0, 1, 0, null))
            .put(FileEntry.file("usr/bin/app", 0755, 0, 0, 1, 0, null))
            .put(FileEntry.directory("var/lib/dpkg/info", 0755, 0, 0, 1))
            .put(FileEntry.file("var/lib/dpkg/info/libc6:amd64.list", 0644, 0, 0, 1, 24, libcList))
            .put(FileEntry.file("var/lib/dpkg/info/libc6:amd64.postinst", 0755, 0, 0, 1, 0, null))
            .put(FileEntry.directory("var/lib/dpkg/status.d", 0755, 0, 0, 1))
            .put(
                FileEntry.file("var/lib/dpkg/status.d/libssl3.md5sums", 0644, 0, 0, 1, 26, sslSums))
            .put(FileEntry.file("var/lib/dpkg/status", 0644, 0, 0, 1, 0, null))
            .build();
    List<FileTree> layers =
        PackageLayering.split(
            t, blobs, List.of(List.of("libc*"), List.of("libssl*"), List.of("x")));
    assertThat(layers).hasSize(3);
    assertThat(layers.get(0).entries().stream().map(FileEntry::path))
        .containsExactly(
            "lib",
            "lib/libc.so.6",
            "var/lib/dpkg/info",
            "var/lib/dpkg/info/libc6:amd64.list",
            "var/lib/dpkg/info/libc6:amd64.postinst");
    assertThat(layers.get(0).contains("lib/libc.so.6")).isTrue();
    assertThat(layers.get(0).contains("var/lib/dpkg/info/libc6:amd64.postinst")).isTrue();
    assertThat(layers.get(0).contains("usr/lib/libssl.so.3")).isFalse();
    assertThat(layers.get(1).contains("usr/lib/libssl.so.3")).isTrue();
    assertThat(layers.get(1).contains("usr/lib")).isTrue();
    assertThat(layers.get(2).contains("usr/bin/app")).isTrue();
    assertThat(layers.get(2).contains("var/lib/dpkg/status")).isTrue();
    assertThat(layers.get(2).contains("lib/libc.so.6")).isFalse();
    long files =
        layers.stream()
            .mapToLong(l -> l.entries().stream().filter(e -> !e.isDirectory()).count())
            .sum();
    assertThat(files).isEqualTo(t.entries().stream().filter(e -> !e.isDirectory()).count());
  }
}
