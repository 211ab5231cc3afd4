package brink.server.game;

import brink.engine.GameState;
import brink.engine.def.InjectDef;
import brink.protocol.scenario.v1.DyadChange;
import brink.protocol.scenario.v1.Effect;
import brink.protocol.scenario.v1.Inject;
import brink.protocol.scenario.v1.Visibility;
import brink.scenario.ScenarioConverter;
import java.util.List;

/**
 * The injects an instructor fires (Inject, PreviewInject): a scripted one by id, or one written now, which
 * is checked here field by field (the engine trusts what it is given and silently ignores unknown ids).
 */
final class Injects {
  static final int MAX_EFFECTS = 20;
  static final int MAX_HEADLINE = 300;
  static final int MAX_BODY = 4000;
  /** Largest hostility change one effect may make (hostility is 0..100). */
  static final double MAX_HOSTILITY_DELTA = 100;

  private Injects() {}

  /** The scripted inject of this id, if it may still fire now. */
  static InjectDef scripted(GameModel m, String id) {
    InjectDef def = m.scriptedInject(id).orElseThrow(() -> GameError.notFound(
        "the scenario has no inject '" + id + "'; its injects are "
            + String.join(", ", m.scenario.injects().stream().map(InjectDef::id).sorted().toList()))
        .with("field", "scripted_id"));
    if (m.state.injectFired(id)) {
      throw GameError.precondition("inject '" + id + "' has already fired; an inject fires once")
          .with("inject", id);
    }
    for (InjectDef pending : m.handInjects.getOrDefault(m.nextResolutionTurn(), List.of())) {
      if (pending.id().equals(id)) {
        throw GameError.precondition("inject '" + id + "' is already fired for turn " + m.nextResolutionTurn())
            .with("inject", id);
      }
    }
    return def;
  }

  /**
   * An instructor's own inject, checked against the game, with its turn and condition cleared and the given
   * id (the journal keeps it so that replay fires the same inject).
   */
  static Inject checkedCustom(GameModel m, Inject in, String id) {
    if (in.getHeadline().getEn().isBlank()) {
      throw GameError.invalid("an inject needs a headline in English (headline.en)").with("field", "headline");
    }
    if (in.getHeadline().getEn().length() > MAX_HEADLINE || in.getHeadline().getFr().length() > MAX_HEADLINE) {
      throw GameError.invalid("a headline has at most " + MAX_HEADLINE + " characters").with("field", "headline");
    }
    if (in.getBody().getEn().length() > MAX_BODY || in.getBody().getFr().length() > MAX_BODY) {
      throw GameError.invalid("an inject's body has at most " + MAX_BODY + " characters").with("field", "body");
    }
    if (in.getVisibility() == Visibility.UNRECOGNIZED) {
      throw GameError.invalid("unknown visibility; use PUBLIC, PARTIES or COVERT").with("field", "visibility");
    }
    if (in.getVisibility() == Visibility.PARTIES && in.getAudienceCount() == 0) {
      throw GameError.invalid("a PARTIES inject needs an audience: the actors who see it").with("field", "audience");
    }
    GameState s = m.state;
    for (String a : in.getAudienceList()) {
      actor(s, a, "audience");
    }
    if (in.getEffectCount() > MAX_EFFECTS) {
      throw GameError.invalid("an inject has at most " + MAX_EFFECTS + " effects").with("field", "effect");
    }
    for (int k = 0; k < in.getEffectCount(); k++) {
      effect(m, s, in.getEffect(k), "effect[" + k + "]");
    }
    return in.toBuilder().setId(id).setTurn(0).clearWhen().build();
  }

  /**
   * The engine's form of a journaled inject, as the game's effective scenario has it: a scripted one fixed
   * on the turn it was fired for, or the instructor's own with its journaled id.
   */
  static InjectDef toEngine(GameModel m, brink.protocol.v1.InjectEntry e) {
    if (e.hasCustom()) {
      return toEngine(e.getCustom());
    }
    InjectDef d = m.scriptedInject(e.getScriptedId()).orElseThrow(() -> new EntryApplier.ReplayException(
        "the journal fires inject '" + e.getScriptedId() + "', which the scenario does not have"));
    return new InjectDef(d.id(), e.getTurn(), null, d.headline(), d.body(), d.source(), d.visibility(),
        d.audience(), d.effects());
  }

  static InjectDef toEngine(Inject custom) {
    // The converter's inject rules are the scenario file's: convert a one-inject scenario.
    return ScenarioConverter.toEngine(brink.protocol.scenario.v1.Scenario.newBuilder().setId("instructor-inject")
        .addInject(custom).build()).injects().get(0);
  }

  private static void effect(GameModel m, GameState s, Effect e, String field) {
    switch (e.getKindCase()) {
      case HOSTILITY:
        dyad(s, e.getHostility(), field + ".hostility", MAX_HOSTILITY_DELTA);
        break;
      case TRUST:
        dyad(s, e.getTrust(), field + ".trust", 1);
        break;
      case SET_ALERT:
        actor(s, e.getSetAlert().getActor(), field + ".set_alert.actor");
        if (e.getSetAlert().getAlert() < 1 || e.getSetAlert().getAlert() > 5) {
          throw GameError.invalid("an alert is 1 (most severe) to 5, not " + e.getSetAlert().getAlert())
              .with("field", field + ".set_alert.alert");
        }
        break;
      case DEPLOYED:
        if (m.scenario.hasUnits()) {
          throw GameError.invalid("this scenario has units: move a unit (move_unit) instead of changing "
              + "deployed troops").with("field", field + ".deployed");
        }
        dyad(s, e.getDeployed(), field + ".deployed", 1000);
        break;
      case MOVE_UNIT:
        if (!s.unitIds().contains(e.getMoveUnit().getUnit())) {
          throw GameError.invalid("unknown unit '" + e.getMoveUnit().getUnit() + "'")
              .with("field", field + ".move_unit.unit").with("unit", e.getMoveUnit().getUnit());
        }
        if (m.scenario.regions().stream().noneMatch(r -> r.id().equals(e.getMoveUnit().getRegion()))) {
          throw GameError.invalid("unknown region '" + e.getMoveUnit().getRegion() + "'")
              .with("field", field + ".move_unit.region").with("region", e.getMoveUnit().getRegion());
        }
        break;
      case TALKS_OPEN:
        pair(s, e.getTalksOpen().getA(), e.getTalksOpen().getB(), field + ".talks_open");
        break;
      case SANCTIONS:
        pair(s, e.getSanctions().getFrom(), e.getSanctions().getTo(), field + ".sanctions");
        break;
      default:
        throw GameError.invalid("an effect must set exactly one kind (hostility, trust, set_alert, deployed, "
            + "move_unit, talks_open, sanctions)").with("field", field);
    }
  }

  private static void dyad(GameState s, DyadChange d, String field, double maxDelta) {
    pair(s, d.getFrom(), d.getTo(), field);
    if (!Double.isFinite(d.getDelta()) || Math.abs(d.getDelta()) > maxDelta) {
      throw GameError.invalid("a change of " + d.getDelta() + " is out of range (at most " + maxDelta
          + " either way)").with("field", field + ".delta");
    }
  }

  private static void pair(GameState s, String a, String b, String field) {
    actor(s, a, field);
    actor(s, b, field);
    if (!s.hasDyad(a, b)) {
      throw GameError.invalid("'" + a + "' and '" + b + "' form no dyad in this scenario").with("field", field);
    }
  }

  private static void actor(GameState s, String a, String field) {
    if (!s.hasActor(a)) {
      throw GameError.invalid("unknown actor '" + a + "'; actors are " + String.join(", ", s.actorIds()))
          .with("field", field).with("actor", a);
    }
  }
}
