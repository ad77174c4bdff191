package dev.ingot.cli;

import java.util.List;

/**
 * Every subcommand of {@code ingot}, in the order help lists them. A command class has either a
 * public constructor taking a {@link CliEnv} or a no-argument one.
 */
final class Commands {
  private Commands() {}

  static final List<Class<?>> ALL =
      List.of(
          BuildCommand.class,
          ValidateCommand.class,
          InspectCommand.class,
          InitCommand.class,
          FmtCommand.class,
          ConvertCommand.class,
          DbCommand.class,
          DiskInfoCommand.class,
          InspectImageCommand.class,
          LockCommand.class,
          OutdatedCommand.class,
          PushCommand.class,
          RootfsCommand.class,
          ScanCommand.class,
          CompletionCommand.class,
          VersionCommand.class);
}
