package brink.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code brink scenario ...}: commands about scenario files. */
@Command(
    name = "scenario",
    description = "Work with scenario files.",
    subcommands = {ValidateCommand.class})
final class ScenarioCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: use 'brink scenario validate FILE|ID'");
  }
}
