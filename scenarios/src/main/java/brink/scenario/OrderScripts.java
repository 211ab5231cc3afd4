package brink.scenario;

import brink.engine.def.Move;
import brink.engine.def.Scenario;
import brink.protocol.scenario.v1.OrderScript;
import brink.protocol.scenario.v1.ScriptedTurn;
import brink.scenario.SourceText.Pos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scripted orders for {@code brink simulate --orders FILE}: a {@code brink.scenario.v1.OrderScript} in
 * text format, parsed with located errors like a scenario. Checked against a scenario, only the ids a
 * move names are checked (actors, units, regions): a move that is illegal for other reasons is left for
 * the engine, which rejects it in the turn report, as it would a player's.
 */
public final class OrderScripts {
  private OrderScripts() {}

  /**
   * A parsed script: turn -> actor -> moves (an empty list is a deliberate WAIT), or the errors. The
   * script is the shape {@code brink.engine.sim.Simulation.run} takes; both levels are sorted maps.
   *
   * @param script empty when there are errors
   */
  public record Result(String file, SortedMap<Integer, Map<String, List<Move>>> script, List<ScenarioError> errors) {
    public Result {
      Objects.requireNonNull(file, "file");
      SortedMap<Integer, Map<String, List<Move>>> copy = new TreeMap<>();
      script.forEach((t, m) -> {
        SortedMap<String, List<Move>> inner = new TreeMap<>();
        m.forEach((a, moves) -> inner.put(a, List.copyOf(moves)));
        copy.put(t, Collections.unmodifiableSortedMap(inner));
      });
      script = Collections.unmodifiableSortedMap(copy);
      errors = List.copyOf(errors);
    }

    public boolean isOk() {
      return errors.isEmpty();
    }

    /** The errors, one per line ({@code file:line:column: message}). */
    public String errorText() {
      return errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n"));
    }
  }

  /** Parses a script and checks it on its own (turns, actors given, moves typed, no turn twice). */
  public static Result load(String fileName, String text) {
    return load(fileName, text, null);
  }

  /** Parses a script and checks every actor, target, unit and region it names against {@code scenario}. */
  public static Result load(String fileName, String text, Scenario scenario) {
    List<ScenarioError> errors = new ArrayList<>();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Optional<TextParser.Parsed<OrderScript>> parsed = TextParser.parse(fileName, body, OrderScript.newBuilder(), errors);
    if (parsed.isEmpty()) {
      return new Result(fileName, new TreeMap<>(), errors);
    }
    OrderScript script = parsed.get().message();
    Node root = parsed.get().root();
    Checker c = new Checker(fileName, errors);
    Refs refs = scenario == null ? null : Refs.of(scenario);
    Map<String, Pos> seen = new TreeMap<>();
    for (int i = 0; i < script.getTurnCount(); i++) {
      ScriptedTurn t = script.getTurn(i);
      Node n = root.child("turn", i);
      if (t.getTurn() < 1) {
        c.add(n.at("turn"), t.getTurn() < 0 ? ErrorCode.OUT_OF_RANGE : ErrorCode.MISSING_FIELD,
            "each scripted turn needs turn: N (1 = the first turn)" + (t.getTurn() < 0 ? ", found " + t.getTurn() : ""));
      }
      boolean actor;
      if (refs == null) {
        actor = c.id(n, "actor", t.getActor(), "a scripted turn's actor");
      } else {
        actor = c.ref(n, "actor", t.getActor(), refs.actors, "actor", "actors", "scripted turn");
      }
      if (actor && t.getTurn() >= 1) {
        Pos first = seen.putIfAbsent(t.getTurn() + "\u0000" + t.getActor(), n.pos());
        if (first != null) {
          c.add(n.pos(), ErrorCode.DUPLICATE_ID, "turn " + t.getTurn() + " of \"" + t.getActor()
              + "\" is scripted twice (first at line " + first.line() + ":" + first.column() + "): put all its moves in one block");
        }
      }
      if (t.getWait() && t.getMoveCount() > 0) {
        c.add(n.at("wait"), ErrorCode.ONEOF_CONFLICT, "a turn with wait: true cannot also list moves: remove one");
      } else if (!t.getWait() && t.getMoveCount() == 0) {
        c.add(n.pos(), ErrorCode.MISSING_FIELD, "this scripted turn lists no move: add move { type: ... } or wait: true");
      }
      for (int k = 0; k < t.getMoveCount(); k++) {
        Node m = n.child("move", k);
        if (refs == null) {
          if (t.getMove(k).getType() == brink.protocol.scenario.v1.MoveType.MOVE_UNSPECIFIED) {
            c.add(m.pos(), ErrorCode.MISSING_FIELD, "the move needs type: <MOVE_TYPE> (NEGOTIATE, DEPLOY_TROOPS, ...)");
          } else if (t.getMove(k).getType() == brink.protocol.scenario.v1.MoveType.UNRECOGNIZED) {
            ScenarioValidator.badEnum(c, m, "type", t.getMove(k).getTypeValue(), brink.protocol.scenario.v1.MoveType.getDescriptor());
          }
        } else {
          MoveChecks.check(c, m, t.getMove(k), actor ? t.getActor() : null, refs, false,
              "turn " + t.getTurn() + " of \"" + t.getActor() + "\"");
        }
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
      return new Result(fileName, new TreeMap<>(), errors);
    }
    SortedMap<Integer, Map<String, List<Move>>> out = new TreeMap<>();
    for (ScriptedTurn t : script.getTurnList()) {
      List<Move> moves = new ArrayList<>();
      for (brink.protocol.scenario.v1.Move m : t.getMoveList()) {
        moves.add(ScenarioConverter.move(m));
      }
      out.computeIfAbsent(t.getTurn(), k -> new TreeMap<>()).put(t.getActor(), moves);
    }
    return new Result(fileName, out, errors);
  }

  /** Reads and loads a script file; a missing or unreadable file is an error. */
  public static Result loadFile(Path path, Scenario scenario) {
    List<ScenarioError> errors = new ArrayList<>();
    Optional<String> text = ScenarioLoader.readText(path, path.toString(), errors);
    if (text.isEmpty()) {
      return new Result(path.toString(), new TreeMap<>(), errors);
    }
    return load(path.toString(), text.get(), scenario);
  }
}
