package dev.repflow.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The folders a worker may read files from when a spec names a path on its disk ({@code
 * dataset.dir}, {@code corruptions.dir}, {@code torchscript}). Whoever can start a workflow picks
 * those paths, and a TorchScript file is code, so a worker refuses anything outside its roots.
 *
 * <p>Paths are compared after resolving {@code ..} and symbolic links, so neither leads out of a
 * root. Relative paths resolve against the worker's working directory, as the activities read them.
 */
public final class DataRoots {
  /** Environment variable with extra roots, separated like PATH ({@code :} on Linux). */
  public static final String ENV = "REPFLOW_DATA_ROOTS";

  /** The folder holding Debian's datasets, parent of {@link DatasetSpec#FASHION_MNIST_DIR}. */
  public static final Path DATASETS = Path.of(DatasetSpec.FASHION_MNIST_DIR).getParent();

  private final List<Path> roots;

  private DataRoots(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Exactly these roots (at least one). */
  public static DataRoots of(Collection<Path> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("data roots: give at least one folder");
    }
    LinkedHashSet<Path> resolved = new LinkedHashSet<>();
    roots.forEach(r -> resolved.add(canonical(r)));
    return new DataRoots(new ArrayList<>(resolved));
  }

  /** Debian's dataset folder and the working directory: what a single-user setup reads. */
  public static DataRoots defaults() {
    return of(List.of(DATASETS, Path.of("")));
  }

  /** These roots plus {@code more}. */
  public DataRoots plus(Collection<Path> more) {
    List<Path> all = new ArrayList<>(roots);
    all.addAll(more);
    return of(all);
  }

  public List<Path> roots() {
    return roots;
  }

  /**
   * Checks that {@code path}, read from config key {@code key}, lies under a root.
   *
   * @throws IllegalArgumentException naming the key, the path and the roots otherwise
   */
  public void check(String key, String path) {
    Path resolved;
    try {
      resolved = canonical(Path.of(path));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(key + ": '" + path + "' is not a valid path", e);
    }
    if (roots.stream().noneMatch(resolved::startsWith)) {
      throw new IllegalArgumentException(
          key
              + ": "
              + path
              + " is outside this worker's data roots "
              + roots
              + " (workers read files only there; add a root with --data-root or "
              + ENV
              + ")");
    }
  }

  /** {@link #check} for every entry of {@link LocalPaths#localPaths()}-style maps. */
  public void checkAll(Map<String, String> paths) {
    paths.forEach(this::check);
  }

  @Override
  public String toString() {
    return roots.toString();
  }

  /**
   * Absolute, normalized, with symbolic links resolved as far as the path exists (a folder that is
   * not there yet cannot be a link out of a root).
   */
  private static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}
