package brink.server.testkit;

import brink.scenario.Library;
import brink.server.game.ScenarioSource;
import java.util.List;
import java.util.Optional;

/** The scenarios bundled with Brink, as a game manager reads them (the server's default source). */
public final class BundledScenarios implements ScenarioSource {
  @Override
  public Optional<String> text(String id) {
    return Library.bundledText(id);
  }

  @Override
  public List<String> ids() {
    return Library.ids();
  }
}
