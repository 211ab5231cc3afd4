package brink.server.report;

import brink.engine.BotPlayer;
import brink.engine.DefaultBots;
import brink.engine.def.Scenario;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Report;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.Objects;

/**
 * The after-action report of a game (architecture.md "Data flow", step 5): built from the game's journal by
 * replaying it through the engine, everything revealed, for the instructor and the class's debrief.
 *
 * <ul>
 *   <li>{@link #build} replays the journal ({@link JournalReplay}) and gathers every move with its CAMEO code,
 *       Goldstein weight and visibility, every rejection, message and inject, the tension and Kahn rung of
 *       every dyad turn by turn, the Rivera escalation scores, the outcome, the objectives, the private
 *       briefings, the divergence from the historical record and the real outcome. A journal the engine
 *       does not replay exactly (a digest mismatch, a turn that cannot be resolved) gives a report that
 *       says so in {@code replay_issues}; it never throws for bad journal content.
 *   <li>{@link #json} and {@link #fromJson}: the report as JSON and back (proto field names, fields in
 *       field-number order, default values included, so the shape never depends on the game).
 *   <li>{@link #markdown}: a debrief for the class in English or French.
 * </ul>
 *
 * <p>Pure: no clocks, files, threads or network.
 */
public final class AfterActionReport {
  private AfterActionReport() {}

  /**
   * The report of one game, seats without orders played by the engine's {@link DefaultBots}.
   *
   * @param scenario the game's scenario as converted from the journal's {@code scenario_text}
   * @param entries the game's journal entries, in order
   */
  public static Report build(Scenario scenario, List<JournalEntry> entries) {
    return build(scenario, entries, DefaultBots.INSTANCE);
  }

  /** The report of one game, seats without orders played by {@code bots} (as when the game ran). */
  public static Report build(Scenario scenario, List<JournalEntry> entries, BotPlayer bots) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(bots, "bots");
    return new ReportAssembler(scenario, JournalReplay.run(scenario, entries, bots)).build();
  }

  /** The report as pretty-printed JSON with the .proto field names; the same report gives the same bytes. */
  public static String json(Report report) {
    Objects.requireNonNull(report, "report");
    try {
      return JsonFormat.printer()
          .preservingProtoFieldNames()
          .alwaysPrintFieldsWithNoPresence()
          .sortingMapKeys()
          .print(report);
    } catch (InvalidProtocolBufferException e) {
      // Only Any fields without a type registry fail to print, and a Report has none.
      throw new IllegalStateException("a Report always prints as JSON", e);
    }
  }

  /**
   * Reads a report written by {@link #json}.
   *
   * @throws IllegalArgumentException when the text is not a report in JSON, with the parser's reason
   */
  public static Report fromJson(String json) {
    Objects.requireNonNull(json, "json");
    Report.Builder b = Report.newBuilder();
    try {
      JsonFormat.parser().merge(json, b);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not an after-action report in JSON: " + e.getMessage(), e);
    }
    return b.build();
  }

  /**
   * The debrief in Markdown.
   *
   * @param lang "en" or "fr"
   * @throws IllegalArgumentException for another language
   */
  public static String markdown(Report report, String lang) {
    Objects.requireNonNull(report, "report");
    return new MarkdownDebrief(report, Labels.of(lang)).render();
  }
}
