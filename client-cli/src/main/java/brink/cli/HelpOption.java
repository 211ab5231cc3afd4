package brink.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for subcommands (the version option stays on {@code brink} itself). */
final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}
