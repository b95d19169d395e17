package dev.repflow.worker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI in a child JVM with an environment of the test's choosing, as a shell or a container
 * starts it: the shipped logback configuration, none of this JVM's REPFLOW_, TEMPORAL_ or AWS_
 * variables, output (stdout and stderr together) in a file.
 */
final class ChildCli {
  static final String MAIN = "dev.repflow.worker.cli.RepflowCli";

  private ChildCli() {}

  /**
   * Starts {@code java JVM_OPTIONS -cp <test class path> RepflowCli ARGS}.
   *
   * @param jvmOptions options before the class path, e.g. {@code -Dai.djl.offline=true}
   */
  static Process start(
      List<String> jvmOptions, List<String> args, Map<String, String> env, Path output)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add(
        "-Dlogback.configurationFile="
            + Path.of("src/main/resources/logback.xml").toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("REPFLOW_") || k.startsWith("TEMPORAL_") || k.startsWith("AWS_"));
    builder.environment().putAll(env);
    return builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }
}
