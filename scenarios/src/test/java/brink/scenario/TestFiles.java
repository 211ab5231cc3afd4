package brink.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test scenario files under src/test/resources/brink/scenario/. */
final class TestFiles {
  private TestFiles() {}

  static String text(String name) {
    try (InputStream in = TestFiles.class.getResourceAsStream("/brink/scenario/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a test resource; errors name the file by its short name. */
  static LoadResult load(String name) {
    return ScenarioLoader.load(name, text(name));
  }
}
