package dev.ingot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every command's {@code --help} has, whoever wrote the command: a {@code -h}/{@code --help}
 * option and an "Examples:" footer. A command that declares its own footer keeps it; the others get
 * theirs from {@link #EXAMPLES}, so that examples of all commands can be kept in step in one place.
 * Stateless.
 */
final class CommandExamples {
  private CommandExamples() {}

  /** Example lines by qualified command name (command, then what it does). */
  static final Map<String, List<String>> EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "ingot",
              List.of(
                  "ingot build examples/debian-base.pkr.hcl   a distroless Debian OCI image",
                  "ingot init hello && ingot build hello.pkr.hcl",
                  "ingot build --help                        help for one command")),
          Map.entry(
              "ingot validate",
              List.of(
                  "ingot validate .                          every template in this directory",
                  "ingot validate -syntax-only image.pkr.hcl",
                  "ingot validate -var 'release=trixie' --json image.pkr.hcl")),
          Map.entry(
              "ingot inspect",
              List.of(
                  "ingot inspect examples/debian-base.pkr.hcl",
                  "ingot inspect -var-file=prod.pkrvars.hcl .")),
          Map.entry(
              "ingot init",
              List.of(
                  "ingot init hello                          writes hello.pkr.hcl",
                  "ingot validate hello.pkr.hcl && ingot build hello.pkr.hcl")),
          Map.entry(
              "ingot fmt",
              List.of(
                  "ingot fmt                                 rewrite the templates here",
                  "ingot fmt -check -diff -recursive .       show what would change (exit 3)")),
          Map.entry(
              "ingot convert",
              List.of(
                  "ingot convert -O qcow2 disk.raw disk.qcow2",
                  "ingot convert -O vmdk -o subformat=streamOptimized disk.qcow2 disk.vmdk",
                  "ingot convert -f raw -O vhd -o subformat=fixed disk.img disk.vhd",
                  "ingot convert -p -c -O qcow2 -o compression_type=zstd disk.raw small.qcow2",
                  "ingot convert -p -O raw disk.qcow2 /dev/sdb        (in place, onto a device)",
                  "ingot convert -O qcow2 -o help")),
          Map.entry(
              "ingot db",
              List.of(
                  "ingot db import debian-tracker.json       import an advisory source",
                  "ingot db info")),
          Map.entry(
              "ingot db import",
              List.of(
                  "ingot db import debian-tracker.json",
                  "ingot db import --format=osv --name=osv-debian osv-debian.zip")),
          Map.entry("ingot db info", List.of("ingot db info", "ingot db info --json")),
          Map.entry(
              "ingot disk-info",
              List.of("ingot disk-info disk.qcow2", "ingot disk-info --json disk.vmdk")),
          Map.entry(
              "ingot inspect-image",
              List.of(
                  "ingot inspect-image oci-layout:output/debian-base.debian.base/oci:latest",
                  "ingot inspect-image --insecure --json 127.0.0.1:5000/base/debian:12")),
          Map.entry(
              "ingot lock",
              List.of(
                  "ingot lock base.pkr.hcl                   writes ingot.lock beside it",
                  "ingot lock base.json")),
          Map.entry(
              "ingot outdated",
              List.of("ingot outdated base.pkr.hcl               exit 1 when there are updates")),
          Map.entry(
              "ingot push",
              List.of(
                  "ingot push --insecure output/base/oci 127.0.0.1:5000/base/debian:12",
                  "ingot push oci-archive:image.tar 127.0.0.1:5000/app:1.0")),
          Map.entry(
              "ingot rootfs",
              List.of(
                  "ingot rootfs examples/debian-base.pkr.hcl -o rootfs.tar",
                  "SOURCE_DATE_EPOCH=0 ingot rootfs --offline base.json -o rootfs.tar")),
          Map.entry(
              "ingot scan",
              List.of(
                  "ingot scan oci-layout:output/debian-base.debian.base/oci",
                  "ingot scan --fail-on=high --format=sarif -o report.sarif rootfs/")),
          Map.entry("ingot version", List.of("ingot version")));

  /** Adds the help option and examples where {@code cl} and its subcommands lack them. */
  static void complete(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    boolean hasHelp = spec.options().stream().anyMatch(OptionSpec::usageHelp);
    if (!hasHelp) {
      List<String> names = new ArrayList<>();
      for (String n : List.of("-h", "--help")) {
        if (spec.findOption(n) == null) {
          names.add(n);
        }
      }
      if (!names.isEmpty()) {
        spec.addOption(
            OptionSpec.builder(names.toArray(String[]::new))
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
      }
    }
    List<String> examples = EXAMPLES.get(spec.qualifiedName());
    if (spec.usageMessage().footer().length == 0 && examples != null) {
      List<String> footer = new ArrayList<>(List.of("", "Examples:"));
      examples.forEach(e -> footer.add("  " + e));
      spec.usageMessage().footer(footer.toArray(String[]::new));
    }
    cl.getSubcommands().values().forEach(CommandExamples::complete);
  }
}
