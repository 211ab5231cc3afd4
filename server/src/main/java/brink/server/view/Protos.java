package brink.server.view;

import brink.engine.Event;
import brink.engine.Rejection;
import brink.engine.def.InjectDef;
import brink.engine.def.Outcome;
import brink.engine.def.Regime;
import brink.engine.def.RegionDef;
import brink.engine.def.Visibility;
import brink.engine.view.Views;
import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.scenario.v1.Text;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.RegionView;

/**
 * Mechanical conversions from the engine's values to brink.v1 messages. No decisions about who may see what
 * are made here: {@link brink.server.game.ViewFunction} decides, then calls these.
 */
public final class Protos {
  private Protos() {}

  public static Text text(brink.engine.def.Text t) {
    return Text.newBuilder().setEn(t.en()).setFr(t.fr()).build();
  }

  public static Move move(brink.engine.def.Move m) {
    return Move.newBuilder().setType(MoveType.valueOf(m.type().name())).setTarget(m.target())
        .setTargetB(m.targetB()).setUnit(m.unit()).setRegion(m.region()).setQuantity(m.quantity()).build();
  }

  public static OutcomeType outcome(Outcome o) {
    return o == Outcome.ONGOING ? OutcomeType.OUTCOME_UNSPECIFIED : OutcomeType.valueOf(o.name());
  }

  public static brink.protocol.scenario.v1.Visibility visibility(Visibility v) {
    return brink.protocol.scenario.v1.Visibility.valueOf(v.name());
  }

  public static brink.protocol.scenario.v1.Regime regime(Regime r) {
    return brink.protocol.scenario.v1.Regime.valueOf(r.name());
  }

  public static brink.protocol.v1.Rejection rejection(Rejection r) {
    brink.protocol.v1.Rejection.Builder b = brink.protocol.v1.Rejection.newBuilder().setActor(r.actor())
        .setReason(r.reason().name()).setMessage(r.detail()).setWholeSubmission(r.wholeSubmission());
    if (r.move() != null) {
      b.setMove(move(r.move()));
    }
    return b.build();
  }

  /**
   * A move event (or the "contact" form of a PARTIES move a third party sees). {@code fromRegion} is the
   * region a moved unit came from, or "" when the recipient may not know it.
   */
  public static brink.protocol.v1.Event moveEvent(Event e, int turn, String fromRegion) {
    if (Views.isContact(e)) {
      return brink.protocol.v1.Event.newBuilder().setKind(EventKind.EVENT_CONTACT).setTurn(turn)
          .setActor(e.actor()).setTarget(e.target()).setTargetB(e.targetB())
          .setVisibility(visibility(Visibility.PARTIES)).build();
    }
    return brink.protocol.v1.Event.newBuilder().setKind(EventKind.EVENT_MOVE).setTurn(turn).setActor(e.actor())
        .setMove(MoveType.valueOf(e.type().name())).setCameoCode(e.cameo()).setGoldstein(e.goldstein())
        .setMagnitude(e.magnitude()).setTarget(e.target()).setTargetB(e.targetB()).setUnit(e.unit())
        .setRegion(e.region()).setFromRegion(fromRegion).setQuantity(e.quantity())
        .setVisibility(visibility(e.visibility())).setDetected(e.detected()).build();
  }

  /** An inject that entered a turn; {@code scripted} false for the instructor's own (its id is not shown). */
  public static brink.protocol.v1.Event injectEvent(InjectDef inj, int turn, boolean scripted) {
    return brink.protocol.v1.Event.newBuilder().setKind(EventKind.EVENT_INJECT).setTurn(turn)
        .setInjectId(scripted ? inj.id() : "").setHeadline(text(inj.headline())).setBody(text(inj.body()))
        .setSource(inj.source()).setVisibility(visibility(inj.visibility())).build();
  }

  /** An event about a pair {a, b}: an incident, an agreement, talks held. */
  public static brink.protocol.v1.Event pairEvent(EventKind kind, int turn, String a, String b) {
    return brink.protocol.v1.Event.newBuilder().setKind(kind).setTurn(turn).setActor(a).setTarget(b)
        .setVisibility(visibility(Visibility.PUBLIC)).build();
  }

  public static RegionView region(RegionDef r) {
    return RegionView.newBuilder().setId(r.id()).setName(text(r.name())).setSovereign(r.sovereign())
        .addAllFaces(r.faces()).addAllBarredFor(r.barredFor()).build();
  }

  public static brink.protocol.scenario.v1.Pair pair(String a, String b) {
    return brink.protocol.scenario.v1.Pair.newBuilder().setA(a).setB(b).build();
  }
}
