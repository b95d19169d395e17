package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input stops `repflow run` with one line naming the problem, before any work starts. */
class RunCommandBadInputTest {
  @TempDir Path dir;

  private Path config(String text) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static void assertOneLineError(CliRun run, String... fragments) {
    assertEquals(RepflowCli.EXIT_FAILURE, run.exitCode(), run.toString());
    assertEquals(1, run.err().strip().lines().count(), run.toString());
    for (String fragment : fragments) {
      assertTrue(run.err().contains(fragment), "missing '" + fragment + "' in\n" + run);
    }
  }

  @Test
  void misspelledKeyNamesTheKeyAndTheFile() throws Exception {
    String tiny = Files.readString(Path.of(RunCommandTest.TINY)).replace("epochs: 1", "epoch: 1");
    Path file = config(tiny);

    assertOneLineError(
        CliRun.execute("run", file.toString()),
        file.toString(),
        "unknown key 'pretrain.epoch'",
        "did you mean 'epochs'");
  }

  @Test
  void missingDatasetDirectorySaysWhichPathAndHowToGetTheData() throws Exception {
    String tiny =
        Files.readString(Path.of(RunCommandTest.TINY))
            .replace("dataset:", "dataset:\n  dir: " + dir.resolve("no-such-dir"));

    CliRun run = CliRun.execute("run", config(tiny).toString(), "--data-dir", dir.toString());

    assertOneLineError(
        run, dir.resolve("no-such-dir").toString(), "apt-get install dataset-fashion-mnist");
    assertTrue(Files.notExists(dir.resolve("s3")), "nothing started: " + run);
  }

  @Test
  void badNumericsFlagsNameTheFlag() throws Exception {
    Path tiny = Path.of(RunCommandTest.TINY);

    CliRun threads =
        CliRun.execute("run", tiny.toString(), "--data-dir", dir.toString(), "--threads", "two");
    CliRun mode =
        CliRun.execute("run", tiny.toString(), "--data-dir", dir.toString(), "--numerics", "fast");

    assertOneLineError(threads, "--threads must be a whole number of threads, got 'two'");
    assertOneLineError(mode, "--numerics must be 'portable' or 'native', got 'fast'");
    assertTrue(Files.notExists(dir.resolve("s3")), "nothing started: " + threads);
  }

  @Test
  void unknownPipelineListsTheKnownOnes() throws Exception {
    String tiny =
        Files.readString(Path.of(RunCommandTest.TINY))
            .replace("pipeline: transfer", "pipeline: fungus");

    assertOneLineError(
        CliRun.execute("run", config(tiny).toString()),
        "unknown pipeline 'fungus'",
        "known: transfer");
  }

  @Test
  void unknownStitchingLayerIsNamedWithTheValidOnesBeforeTraining() throws Exception {
    String tiny =
        Files.readString(Path.of("src/test/resources/configs/tiny-stitching.yaml"))
            .replace("endLayer: pool2}", "endLayer: pool3}");

    CliRun run = CliRun.execute("run", config(tiny).toString(), "--data-dir", dir.toString());

    assertOneLineError(
        run, "pairs[0].endLayer: unknown layer 'pool3' of model B", "(layers: [conv1, pool1");
    assertTrue(Files.notExists(dir.resolve("s3")), "nothing started: " + run);
  }

  @Test
  void unknownClassIdIsRejected() throws Exception {
    String tiny =
        Files.readString(Path.of(RunCommandTest.TINY)).replace("[5, 6, 7, 8, 9]", "[5, 6, 12]");

    assertOneLineError(CliRun.execute("run", config(tiny).toString()), "evaluate.classes", "12");
  }

  @Test
  void unreachableTemporalNamesTheAddress() {
    CliRun run =
        CliRun.execute(
            "run", RunCommandTest.TINY, "--temporal", "127.0.0.1:1", "--data-dir", dir.toString());

    assertOneLineError(run, "Temporal at 127.0.0.1:1 unreachable");
  }

  @Test
  void unreachableS3NamesTheEndpoint() {
    System.setProperty("aws.accessKeyId", "x");
    System.setProperty("aws.secretAccessKey", "y");
    try {
      CliRun run =
          CliRun.execute("run", RunCommandTest.TINY, "--s3-endpoint", "http://127.0.0.1:1");

      assertOneLineError(run, "http://127.0.0.1:1", "unreachable");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Test
  void missingOrUnsafeExperimentNamesTheKey() throws Exception {
    String tiny = Files.readString(Path.of(RunCommandTest.TINY));

    assertOneLineError(
        CliRun.execute("run", config(tiny.replace("experiment: cli-test\n", "")).toString()),
        "experiment: is required");
    assertOneLineError(
        CliRun.execute(
            "run", config(tiny.replace("experiment: cli-test", "experiment: a b")).toString()),
        "experiment: 'a b' is not a valid name");
  }

  @Test
  void datasetFolderOutsideTheDataRootsNamesPathAndRoots() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path configs = Files.createDirectories(dir.resolve("configs"));
    String tiny =
        Files.readString(Path.of(RunCommandTest.TINY))
            .replace("dataset:", "dataset:\n  dir: " + elsewhere);
    Path file = configs.resolve("outside.yaml");
    Files.writeString(file, tiny);

    CliRun run =
        CliRun.execute(
            "run", file.toString(), "--data-dir", dir.toString(), "--data-root", "/usr/share");

    assertOneLineError(
        run, "dataset.dir: " + elsewhere + " is outside", "/usr/share", configs.toString());
    assertTrue(Files.notExists(dir.resolve("s3")), "nothing started: " + run);
  }
}
