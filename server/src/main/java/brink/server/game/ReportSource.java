package brink.server.game;

import brink.engine.def.Scenario;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Report;
import java.util.List;

/** Builds a game's after-action report from its journal (brink.server.report.AfterActionReport). */
@FunctionalInterface
public interface ReportSource {
  Report build(Scenario scenario, List<JournalEntry> entries);
}
