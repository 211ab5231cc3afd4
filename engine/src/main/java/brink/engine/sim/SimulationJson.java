package brink.engine.sim;

import brink.engine.ActorRecord;
import brink.engine.DyadRecord;
import brink.engine.Event;
import brink.engine.Ladder;
import brink.engine.Rejection;
import brink.engine.TurnRecord;
import brink.engine.def.Move;
import brink.engine.def.Outcome;
import java.util.Map;

/**
 * The {@code simulate --json} document (engine-model.md Part II-b "Batch simulation", II-c §8): one JSON
 * object, compact, pure ASCII, keys always present and in this order:
 *
 * <pre>
 * { "scenario": id, "seed": n,
 *   "outcome": { "type": OUTCOME, "turn": n | null (ONGOING) },
 *   "turns": [ { "turn": n,
 *       "dyads": [ { "a", "b", "tension", "hostility_ab", "hostility_ba", "rung", "rung_name",
 *                    "ladder_group", "progress", "signed" } ],
 *       "actors": [ { "id", "alert", "escalation_score", "stability" } ],
 *       "events": [ { "actor", "type", "target", "target_b", "unit", "region", "quantity", "cameo",
 *                     "goldstein", "magnitude", "verbal", "es", "visibility", "detected", "effect" } ],
 *       "rejections": [ { "actor", "move": { "type", "target", "target_b", "unit", "region", "quantity" }
 *                         | null (whole submission), "reason", "detail" } ],
 *       "defaulted": [ { "actor", "bot" } ] } ],
 *   "digest": hex }
 * </pre>
 *
 * Numbers are {@code new BigDecimal(x).setScale(6, HALF_EVEN).toPlainString()}, integers plain; rung names are
 * Kahn's English names, {@code ladder_group} the group's constant name. The document is the instructor's
 * (unfiltered) record: every move, covert ones included. Same result, same bytes, whatever the locale.
 */
public final class SimulationJson {
  private SimulationJson() {}

  public static String write(SimulationResult result) {
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.field("scenario", result.scenarioId());
    w.field("seed", result.seed());
    w.key("outcome").beginObject();
    w.field("type", result.outcome().name());
    w.key("turn");
    if (result.outcome() == Outcome.ONGOING) {
      w.nullValue();
    } else {
      w.value(result.outcomeTurn());
    }
    w.endObject();
    w.key("turns").beginArray();
    for (TurnRecord t : result.turns()) {
      turn(w, t);
    }
    w.endArray();
    w.field("digest", result.digest());
    w.endObject();
    return w.toJson();
  }

  private static void turn(JsonWriter w, TurnRecord t) {
    w.beginObject();
    w.field("turn", t.turn());
    w.key("dyads").beginArray();
    for (DyadRecord d : t.dyads()) {
      w.beginObject()
          .field("a", d.a())
          .field("b", d.b())
          .field("tension", d.tension())
          .field("hostility_ab", d.hostilityAB())
          .field("hostility_ba", d.hostilityBA())
          .field("rung", d.rung())
          .field("rung_name", Ladder.name(d.rung()).en())
          .field("ladder_group", d.ladderGroup().name())
          .field("progress", d.progress())
          .field("signed", d.signed())
          .endObject();
    }
    w.endArray();
    w.key("actors").beginArray();
    for (ActorRecord a : t.actors()) {
      w.beginObject()
          .field("id", a.id())
          .field("alert", a.alert())
          .field("escalation_score", a.escalationScore())
          .field("stability", a.stability())
          .endObject();
    }
    w.endArray();
    w.key("events").beginArray();
    for (Event e : t.events()) {
      w.beginObject()
          .field("actor", e.actor())
          .field("type", e.type().name())
          .field("target", e.target())
          .field("target_b", e.targetB())
          .field("unit", e.unit())
          .field("region", e.region())
          .field("quantity", e.quantity())
          .field("cameo", e.cameo())
          .field("goldstein", e.goldstein())
          .field("magnitude", e.magnitude())
          .field("verbal", e.verbal())
          .field("es", e.esPoints())
          .field("visibility", e.visibility().name())
          .field("detected", e.detected())
          .field("effect", e.effect())
          .endObject();
    }
    w.endArray();
    w.key("rejections").beginArray();
    for (Rejection r : t.rejections()) {
      w.beginObject().field("actor", r.actor()).key("move");
      if (r.move() == null) {
        w.nullValue();
      } else {
        move(w, r.move());
      }
      w.field("reason", r.reason().name()).field("detail", r.detail()).endObject();
    }
    w.endArray();
    w.key("defaulted").beginArray();
    for (Map.Entry<String, String> d : t.defaulted().entrySet()) {
      w.beginObject().field("actor", d.getKey()).field("bot", d.getValue()).endObject();
    }
    w.endArray();
    w.endObject();
  }

  private static void move(JsonWriter w, Move m) {
    w.beginObject()
        .field("type", m.type().name())
        .field("target", m.target())
        .field("target_b", m.targetB())
        .field("unit", m.unit())
        .field("region", m.region())
        .key("quantity");
    // A rejected move may carry a quantity the validator refused (BAD_QUANTITY): not a finite number.
    if (Double.isFinite(m.quantity())) {
      w.value(m.quantity());
    } else {
      w.nullValue();
    }
    w.endObject();
  }
}
