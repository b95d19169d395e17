package dev.repflow.worker.cli;

import dev.repflow.artifacts.ArtifactStoreException;
import dev.repflow.worker.config.ConfigException;
import dev.repflow.worker.runs.Failures;
import dev.repflow.worker.runs.RunNotFoundException;
import dev.repflow.worker.runtime.ServiceStartException;
import dev.repflow.worker.runtime.TemporalConnectionException;
import io.temporal.client.WorkflowFailedException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code repflow} command. Each subcommand is one class listed in {@code subcommands}; add a
 * new one there.
 */
@Command(
    name = "repflow",
    mixinStandardHelpOptions = true,
    versionProvider = RepflowCli.ManifestVersion.class,
    description = "Representation-learning experiments as Temporal workflows.",
    subcommands = {
      RunCommand.class,
      WorkerCommand.class,
      StatusCommand.class,
      ListCommand.class,
      ReportCommand.class,
      UiCommand.class,
      SpecCommand.class,
      DevCommand.class,
    })
public final class RepflowCli implements Callable<Integer> {
  /** Exit code for bad input or an unusable server, as opposed to picocli's 2 for bad usage. */
  public static final int EXIT_FAILURE = 1;

  @Spec private CommandSpec spec;

  /** Without a subcommand there is nothing to do: show the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    return new CommandLine(new RepflowCli()).setExecutionExceptionHandler(RepflowCli::handle);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Known user-facing failures print their one-line message; anything else is a bug: rethrow. */
  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed)
      throws Exception {
    String message;
    if (e instanceof ConfigException
        || e instanceof UsageException
        || e instanceof TemporalConnectionException
        || e instanceof ServiceStartException
        || e instanceof ArtifactStoreException
        || e instanceof RunNotFoundException) {
      message = e.getMessage();
    } else if (e instanceof WorkflowFailedException failed) {
      message = Failures.describe(failed);
    } else {
      throw e;
    }
    commandLine.getErr().println(commandLine.getColorScheme().errorText("repflow: " + message));
    return EXIT_FAILURE;
  }

  /** Version from the jar manifest; "dev" when run from classes (IDE, tests). */
  static final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RepflowCli.class.getPackage().getImplementationVersion();
      return new String[] {"repflow " + (version == null ? "dev" : version)};
    }
  }
}
