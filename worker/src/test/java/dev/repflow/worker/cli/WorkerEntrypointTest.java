package dev.repflow.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repflow.worker.runtime.EmbeddedS3;
import dev.repflow.worker.runtime.EmbeddedTemporal;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The worker image's ENTRYPOINT, with the command and environment that infra/docker-compose.yml and
 * infra/k8s give it, started here against embedded servers (no Docker engine): it must connect,
 * report ready on its health port and drain on SIGTERM. Only what a container network provides is
 * replaced: service addresses and the health port; {@code -jar repflow.jar} becomes the test class
 * path with the jar's main class.
 */
class WorkerEntrypointTest {
  private static final Path INFRA = Path.of("..", "infra");
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");

  @TempDir Path dir;

  @Test
  void composeCpuWorkerStartsConnectsAndDrains() throws Exception {
    Map<String, Object> compose = yaml(INFRA.resolve("docker-compose.yml"));
    Map<String, Object> worker = map(map(compose.get("services")).get("cpu-worker"));
    Map<String, String> env = new HashMap<>();
    map(worker.get("environment")).forEach((k, v) -> env.put(k, interpolate(String.valueOf(v))));
    @SuppressWarnings("unchecked")
    List<String> command = (List<String>) worker.get("command");

    runWorker(env, command, "TEMPORAL_ADDRESS", "REPFLOW_S3_ENDPOINT");
  }

  @Test
  void kubernetesCpuWorkerStartsConnectsAndDrains() throws Exception {
    Map<String, String> env = new HashMap<>();
    map(yaml(INFRA.resolve("k8s/configmap.yaml")).get("data"))
        .forEach((k, v) -> env.put(k, String.valueOf(v)));
    Map<String, Object> pod =
        map(
            map(map(yaml(INFRA.resolve("k8s/cpu-worker.yaml")).get("spec")).get("template"))
                .get("spec"));
    Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0));
    @SuppressWarnings("unchecked")
    List<String> args = (List<String>) container.get("args");
    // The Secret the manifests read (not shipped): the test S3 server's keys.
    env.put("AWS_ACCESS_KEY_ID", EmbeddedS3.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", "k8s-test-secret");

    runWorker(env, args, "TEMPORAL_ADDRESS", "REPFLOW_S3_ENDPOINT");
  }

  /**
   * Starts the image's entrypoint with {@code args}, {@code env} with the two address variables
   * pointed at embedded servers and a free health port; waits for /readyz, then SIGTERM.
   */
  private void runWorker(
      Map<String, String> env, List<String> args, String temporalVar, String s3Var)
      throws Exception {
    try (EmbeddedTemporal temporal = EmbeddedTemporal.start(0);
        EmbeddedS3 s3 =
            EmbeddedS3.start(
                EmbeddedTemporal.LOOPBACK,
                0,
                dir.resolve("s3"),
                env.get("AWS_SECRET_ACCESS_KEY"))) {
      s3.createBucket(env.get("REPFLOW_BUCKET"));
      int health = freePort();
      env.put(temporalVar, temporal.target());
      env.put(s3Var, s3.endpoint().toString());
      env.put("REPFLOW_HEALTH_PORT", String.valueOf(health));
      env.put("REPFLOW_DATA_ROOTS", dir.toString());
      List<String> entrypoint = entrypoint();
      int jar = entrypoint.indexOf("-jar");
      assertEquals(ChildCli.MAIN, mainClassOfJar());
      Path output = dir.resolve("worker.log");

      Process worker = ChildCli.start(entrypoint.subList(1, jar), args, env, output);
      try {
        ProcessCluster.awaitReady(worker, output, health);
        String printed = awaitOutput(output, "repflow worker polling");
        assertTrue(printed.contains("repflow worker polling [repflow-cpu]"), printed);
        assertTrue(printed.contains(temporal.target()), printed);
      } finally {
        worker.destroy(); // SIGTERM, as docker stop and the kubelet send
      }
      assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "did not stop on SIGTERM");
      String printed = Files.readString(output);
      assertEquals(143, worker.exitValue(), printed); // 128 + SIGTERM, after the shutdown hooks
      assertFalse(printed.contains("Exception"), printed);
    }
  }

  /**
   * The runtime stage's ENTRYPOINT of the CPU image, e.g. [java, -D..., -jar,
   * /opt/.../repflow.jar].
   */
  private static List<String> entrypoint() throws IOException {
    String dockerfile = Files.readString(INFRA.resolve("docker/Dockerfile"));
    Matcher m = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$").matcher(dockerfile);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    List<String> entrypoint = new ArrayList<>();
    for (Object part : new ObjectMapper().readValue(last, List.class)) {
      entrypoint.add(String.valueOf(part));
    }
    assertEquals("java", entrypoint.get(0));
    assertTrue(entrypoint.get(entrypoint.size() - 2).equals("-jar"), entrypoint.toString());
    return entrypoint;
  }

  /** The Main-Class the worker pom writes into repflow.jar. */
  private static String mainClassOfJar() throws IOException {
    Matcher m =
        Pattern.compile("<mainClass>([^<]+)</mainClass>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(m.find());
    return m.group(1);
  }

  /** The output once it contains {@code text} (it is printed just after the worker is ready). */
  private static String awaitOutput(Path output, String text) throws Exception {
    for (int i = 0; i < 100 && !Files.readString(output).contains(text); i++) {
      Thread.sleep(100);
    }
    return Files.readString(output);
  }

  private static String interpolate(String value) {
    return DEFAULTED.matcher(value).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
