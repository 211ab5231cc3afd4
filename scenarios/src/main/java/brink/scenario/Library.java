package brink.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The bundled scenarios: the files {@code scenarios/library/<id>.txtpb}, packaged on the classpath under
 * {@value #RESOURCE_DIR} by the module's pom. A bundled scenario's id is its file name without
 * {@code .txtpb} (and the {@code id} inside the file is the same; a test checks it).
 */
public final class Library {
  /** Where the pom packages {@code scenarios/library/}. */
  public static final String RESOURCE_DIR = "brink/scenarios/library";
  static final String SUFFIX = ".txtpb";

  private static final Library DEFAULT = new Library(Library.class.getClassLoader(), RESOURCE_DIR);

  private final ClassLoader loader;
  private final String dir;

  Library(ClassLoader loader, String dir) {
    this.loader = loader;
    this.dir = dir;
  }

  /** The bundled scenario ids, sorted. */
  public static List<String> ids() {
    return DEFAULT.listIds();
  }

  /** Loads a bundled scenario; an unknown id is an UNKNOWN_SCENARIO error listing the bundled ones. */
  public static LoadResult bundled(String id) {
    return DEFAULT.loadBundled(id);
  }

  /** The text of a bundled scenario (for the server's journal, which stores the full text). */
  public static Optional<String> bundledText(String id) {
    return DEFAULT.text(id);
  }

  /**
   * A bundled id, or else a file path. An argument that names a bundled scenario loads it, unless it
   * contains a path separator or ends with {@code .txtpb}, which always mean a file.
   */
  public static LoadResult resolve(String idOrPath) {
    return DEFAULT.resolveIdOrPath(idOrPath);
  }

  List<String> listIds() {
    TreeSet<String> ids = new TreeSet<>();
    try {
      Enumeration<URL> urls = loader.getResources(dir);
      boolean any = false;
      while (urls.hasMoreElements()) {
        any = true;
        collect(urls.nextElement(), ids);
      }
      if (!any) {
        // A jar built without directory entries: list the jar this class came from.
        URL self = Library.class.getProtectionDomain().getCodeSource().getLocation();
        if (self != null && self.getPath().endsWith(".jar")) {
          listJar(Path.of(self.toURI()), ids);
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // An unreadable classpath entry lists nothing; loading by id then says which ids exist.
    }
    return List.copyOf(ids);
  }

  private void collect(URL url, TreeSet<String> ids) throws IOException, URISyntaxException {
    if ("file".equals(url.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).forEach(n -> ids.add(strip(n)));
      }
    } else if ("jar".equals(url.getProtocol())) {
      JarURLConnection c = (JarURLConnection) url.openConnection();
      c.setUseCaches(false);
      listJar(Path.of(c.getJarFileURL().toURI()), ids);
    }
  }

  private void listJar(Path jar, TreeSet<String> ids) throws IOException {
    String prefix = dir + "/";
    try (JarFile jf = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        String n = entries.nextElement().getName();
        if (n.startsWith(prefix) && n.endsWith(SUFFIX) && n.indexOf('/', prefix.length()) < 0) {
          ids.add(strip(n.substring(prefix.length())));
        }
      }
    }
  }

  Optional<String> text(String id) {
    if (!Checker.ID.matcher(id).matches()) {
      return Optional.empty();
    }
    try (InputStream in = loader.getResourceAsStream(dir + "/" + id + SUFFIX)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  LoadResult loadBundled(String id) {
    Optional<String> text = text(id);
    if (text.isEmpty()) {
      return unknown(id, "no bundled scenario \"" + id + "\"");
    }
    return ScenarioLoader.load("scenarios/library/" + id + SUFFIX, text.get());
  }

  LoadResult resolveIdOrPath(String arg) {
    boolean pathLike = arg.contains("/") || arg.contains("\\") || arg.endsWith(SUFFIX);
    if (!pathLike && text(arg).isPresent()) {
      return loadBundled(arg);
    }
    Path p;
    try {
      p = Path.of(arg);
    } catch (InvalidPathException e) {
      return unknown(arg, "\"" + arg + "\" is neither a bundled scenario nor a valid file name");
    }
    if (pathLike || Files.exists(p)) {
      return ScenarioLoader.loadFile(p);
    }
    return unknown(arg, "no bundled scenario \"" + arg + "\" and no file of that name");
  }

  private LoadResult unknown(String arg, String what) {
    List<String> ids = listIds();
    String hint =
        ids.isEmpty()
            ? "; no scenario is bundled, give a file path"
            : Suggest.closest(arg, ids).map(s -> "; did you mean \"" + s + "\"?").orElse("")
                + " (bundled scenarios: " + String.join(", ", ids) + ")";
    List<ScenarioError> errors = new ArrayList<>();
    errors.add(new ScenarioError(arg, 0, 0, ErrorCode.UNKNOWN_SCENARIO, what + hint));
    return new LoadResult.Failed(arg, errors, Optional.empty());
  }

  private static String strip(String fileName) {
    return fileName.substring(0, fileName.length() - SUFFIX.length());
  }
}
