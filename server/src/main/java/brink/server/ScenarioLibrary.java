package brink.server;

import brink.scenario.Library;
import brink.scenario.LoadResult;
import brink.scenario.ScenarioLoader;
import brink.server.game.ScenarioSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenarios CreateGame may name by id: the bundled library, plus the valid {@code *.txtpb} files of the
 * server's --scenarios folder (read once at start; a file with errors is skipped with its errors logged; a
 * file whose id is a bundled one replaces it).
 */
final class ScenarioLibrary implements ScenarioSource {
  private static final Logger log = LoggerFactory.getLogger(ScenarioLibrary.class);

  private final Map<String, String> extra;

  private ScenarioLibrary(Map<String, String> extra) {
    this.extra = extra;
  }

  static ScenarioLibrary load(Optional<Path> dir) throws IOException {
    TreeMap<String, String> extra = new TreeMap<>();
    if (dir.isPresent()) {
      Path d = dir.get();
      if (!Files.isDirectory(d)) {
        throw new IOException("--scenarios " + d + " is not a folder");
      }
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(d)) {
        s.filter(p -> p.getFileName().toString().endsWith(".txtpb")).sorted().forEach(files::add);
      }
      for (Path f : files) {
        LoadResult r = ScenarioLoader.loadFile(f);
        if (!r.isOk()) {
          log.warn("scenario file {} skipped, it has errors:\n{}", f, r.errorText());
          continue;
        }
        String id = r.scenario().id();
        if (extra.containsKey(id)) {
          log.warn("scenario file {} skipped: another file of {} already has id {}", f, d, id);
          continue;
        }
        if (Library.bundledText(id).isPresent()) {
          log.warn("scenario file {} replaces the bundled scenario {}", f, id);
        }
        extra.put(id, Files.readString(f, StandardCharsets.UTF_8));
        log.info("scenario {} offered from {}", id, f);
      }
    }
    return new ScenarioLibrary(extra);
  }

  @Override
  public Optional<String> text(String id) {
    String t = extra.get(id);
    return t != null ? Optional.of(t) : Library.bundledText(id);
  }

  @Override
  public List<String> ids() {
    TreeSet<String> ids = new TreeSet<>(Library.ids());
    ids.addAll(extra.keySet());
    return List.copyOf(ids);
  }
}
