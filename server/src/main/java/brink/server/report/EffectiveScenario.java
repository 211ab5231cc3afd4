package brink.server.report;

import brink.engine.def.ActorDef;
import brink.engine.def.InjectDef;
import brink.engine.def.Scenario;
import brink.protocol.v1.InjectEntry;
import brink.scenario.ScenarioConverter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The scenario a game actually runs, given what its journal adds to the scenario file: the bot doctrines
 * of {@code GameCreatedEntry.bots} and the injects the instructor fired. The engine knows injects only as
 * part of a scenario, so an instructor's inject enters the game as an inject of this scenario, fixed on
 * the turn it was fired for:
 *
 * <ul>
 *   <li>a scripted inject fired ahead of time ({@code scripted_id}) keeps its id and place in the list but
 *       becomes a fixed-turn inject of that turn (its condition, if any, is dropped);
 *   <li>a custom inject is appended after the scenario's, in journal order, with its own id when that id is
 *       set and unused, else {@code "instructor-<n>"} (n = its rank among the custom injects, from 1, bumped
 *       until unused); its {@code turn} is the entry's and its {@code when} is ignored.
 * </ul>
 *
 * <p>The inject list is part of the engine's state digest, so whoever resolves turns live must build the
 * game's scenario with this same function: the state of turn t is the replay of turns 1..t under the
 * scenario with every inject fired for turns up to t. The live server ({@code brink.server.game.Resolver})
 * and {@link JournalReplay} both call it with the journal's entries, which is what lets a report verify a
 * game's digests ({@code ServerJournalReplayTest}).
 */
public final class EffectiveScenario {
  /** Prefix of the ids given to custom injects without a usable id of their own. */
  public static final String CUSTOM_PREFIX = "instructor-";

  private EffectiveScenario() {}

  /**
   * @param base the scenario file as converted
   * @param bots actor id → bot doctrine overriding the actor's {@code default_bot}; unknown actors ignored
   * @param injects the instructor's injects in journal order; callers drop those already refused (a scripted
   *     id that does not exist or has already fired)
   * @throws IllegalArgumentException when a scripted id names no inject of {@code base}
   */
  public static Scenario of(Scenario base, Map<String, String> bots, List<InjectEntry> injects) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(bots, "bots");
    Objects.requireNonNull(injects, "injects");
    List<ActorDef> actors = new ArrayList<>();
    for (ActorDef a : base.actors()) {
      String bot = bots.get(a.id());
      actors.add(bot == null || bot.isEmpty() ? a : withBot(a, bot));
    }
    LinkedHashMap<String, InjectDef> byId = new LinkedHashMap<>();
    for (InjectDef d : base.injects()) {
      byId.put(d.id(), d);
    }
    Set<String> used = new HashSet<>(byId.keySet());
    List<InjectDef> custom = new ArrayList<>();
    int customRank = 0;
    for (InjectEntry e : injects) {
      if (e.getSourceCase() == InjectEntry.SourceCase.SCRIPTED_ID) {
        InjectDef d = byId.get(e.getScriptedId());
        if (d == null) {
          throw new IllegalArgumentException(
              "inject '" + e.getScriptedId() + "' is not one of scenario " + base.id() + "'s injects");
        }
        byId.put(d.id(), atTurn(d, d.id(), e.getTurn()));
      } else if (e.getSourceCase() == InjectEntry.SourceCase.CUSTOM) {
        customRank++;
        String id = e.getCustom().getId();
        if (id.isEmpty() || used.contains(id)) {
          int n = customRank;
          while (used.contains(CUSTOM_PREFIX + n)) {
            n++;
          }
          id = CUSTOM_PREFIX + n;
        }
        used.add(id);
        custom.add(atTurn(convert(base.id(), e.getCustom()), id, e.getTurn()));
      }
    }
    List<InjectDef> all = new ArrayList<>(byId.values());
    all.addAll(custom);
    return new Scenario(base.id(), base.title(), base.summary(), base.startDate(), base.turnLengthDays(),
        base.rules(), actors, base.dyads(), base.primaryDyads(), base.alliances(), base.pairStates(),
        base.regions(), base.units(), all, base.historical(), base.timeline(), base.objectives(),
        base.visibility(), base.background(), base.notes(), base.sources());
  }

  /** The engine's form of one custom inject, converted exactly as a scenario file's inject would be. */
  static InjectDef convert(String scenarioId, brink.protocol.scenario.v1.Inject inject) {
    return ScenarioConverter.toEngine(
            brink.protocol.scenario.v1.Scenario.newBuilder().setId(scenarioId).addInject(inject).build())
        .injects()
        .get(0);
  }

  private static InjectDef atTurn(InjectDef d, String id, int turn) {
    return new InjectDef(id, turn, null, d.headline(), d.body(), d.source(), d.visibility(), d.audience(),
        d.effects());
  }

  private static ActorDef withBot(ActorDef a, String bot) {
    return new ActorDef(a.id(), a.name(), a.regime(), a.nuclear(), a.alert(), bot, a.publicBriefing(),
        a.privateBriefing(), a.stability(), a.econ(), a.reserve(), a.audienceCost());
  }
}
