package brink.engine.sim;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.bot.Bots;
import brink.engine.def.ActorDef;
import brink.engine.def.Move;
import brink.engine.def.Outcome;
import brink.engine.def.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Runs a scenario headless to its end (engine-model.md Part II-b "Batch simulation"): for dry runs, inject
 * previews, {@code brink simulate} and tests. Each turn every seat submits, in this order of precedence:
 * the script's moves for that turn (an empty list is a scripted WAIT); else the moves of the bot
 * {@code botByActor} names for it; else the seat is left to the engine, which plays the scenario's default
 * bot and lists the seat as defaulted. When the scenario's rules make silent seats wait, the simulation plays
 * the default bot itself, since a simulation has no silent seats. Pure and deterministic: same arguments,
 * same result.
 */
public final class Simulation {
  private Simulation() {}

  /**
   * @param script turn (1 = first) → actor → moves; may be empty
   * @param botByActor actor → doctrine for seats without scripted moves; may be empty
   * @param maxTurns stop after this many turns if the game has not ended; 0 or less: run until the game
   *     ends (the scenario must then have a {@code max_turns})
   * @throws IllegalArgumentException naming the problem, for an unknown actor or doctrine, a turn below 1, or
   *     an unbounded run
   */
  public static SimulationResult run(Scenario scenario, long seed, Map<Integer, Map<String, List<Move>>> script,
      Map<String, String> botByActor, int maxTurns) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(botByActor, "botByActor");
    TreeSet<String> ids = new TreeSet<>();
    for (ActorDef a : scenario.actors()) {
      ids.add(a.id());
    }
    check(ids, script, botByActor);
    if (maxTurns <= 0 && scenario.rules().maxTurns() <= 0) {
      throw new IllegalArgumentException("scenario " + scenario.id()
          + " has no max_turns, so the run could last forever: give a turn limit (--turns N)");
    }

    GameState state = Engine.initial(scenario, seed);
    List<TurnRecord> turns = new ArrayList<>();
    while (!state.isOver() && (maxTurns <= 0 || turns.size() < maxTurns)) {
      int turn = state.turn() + 1;
      Map<String, List<Move>> scripted = script.getOrDefault(turn, Map.of());
      Orders.Builder orders = Orders.builder();
      for (String actor : state.actorIds()) {
        List<Move> moves = scripted.get(actor);
        if (moves != null) {
          orders.submit(actor, moves);
        } else if (botByActor.containsKey(actor)) {
          orders.submit(actor, Bots.play(state, actor, botByActor.get(actor)));
        } else if (scenario.rules().silentSeatsWait()) {
          orders.submit(actor, Bots.play(state, actor, defaultBot(scenario, actor)));
        }
      }
      TurnResult r = Engine.resolve(state, orders.build());
      turns.add(r.record());
      state = r.next();
    }
    Outcome outcome = state.outcome();
    return new SimulationResult(scenario.id(), seed, turns, outcome, state.outcomeTurn(), digest(turns));
  }

  /** Hex SHA-256 over the concatenated hex state digests of the turns, in order. */
  public static String digest(List<TurnRecord> turns) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    for (TurnRecord t : turns) {
      sha.update(t.stateDigest().getBytes(StandardCharsets.US_ASCII));
    }
    StringBuilder hex = new StringBuilder(64);
    for (byte b : sha.digest()) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }

  private static void check(TreeSet<String> ids, Map<Integer, Map<String, List<Move>>> script,
      Map<String, String> botByActor) {
    String known = String.join(", ", ids);
    for (Map.Entry<Integer, Map<String, List<Move>>> t : script.entrySet()) {
      if (t.getKey() == null || t.getKey() < 1) {
        throw new IllegalArgumentException("scripted orders for turn " + t.getKey() + "; turns start at 1");
      }
      for (String actor : t.getValue().keySet()) {
        if (!ids.contains(actor)) {
          throw new IllegalArgumentException("scripted orders on turn " + t.getKey() + " for unknown actor '"
              + actor + "'; actors are " + known);
        }
      }
    }
    for (Map.Entry<String, String> e : botByActor.entrySet()) {
      if (!ids.contains(e.getKey())) {
        throw new IllegalArgumentException("bot for unknown actor '" + e.getKey() + "'; actors are " + known);
      }
      if (!Bots.isValid(e.getValue())) {
        throw new IllegalArgumentException("unknown bot '" + e.getValue() + "' for actor '" + e.getKey()
            + "'; valid bots are: " + String.join(", ", Bots.NAMES));
      }
    }
  }

  private static String defaultBot(Scenario scenario, String actor) {
    for (ActorDef a : scenario.actors()) {
      if (a.id().equals(actor)) {
        return a.defaultBot();
      }
    }
    throw new IllegalArgumentException("unknown actor '" + actor + "'");
  }
}
