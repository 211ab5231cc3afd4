package brink.server.report;

import brink.engine.def.Condition;
import brink.engine.def.Effect;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Outcome;
import brink.engine.def.Regime;
import brink.engine.def.Text;
import brink.engine.def.TimelineEntry;
import brink.engine.def.Visibility;
import brink.protocol.scenario.v1.DyadChange;
import brink.protocol.scenario.v1.Inject;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.scenario.v1.PairFlag;
import brink.protocol.scenario.v1.SanctionsFlag;
import brink.protocol.scenario.v1.SetAlert;
import brink.protocol.scenario.v1.UnitMove;

/**
 * The engine's values as brink.scenario.v1 / brink.v1 messages: the reverse of the scenarios module's
 * ScenarioConverter, for the few types a report carries. Mechanical, field to field.
 */
final class ProtoMapping {
  private ProtoMapping() {}

  static brink.protocol.scenario.v1.Text text(Text t) {
    return brink.protocol.scenario.v1.Text.newBuilder().setEn(t.en()).setFr(t.fr()).build();
  }

  static brink.protocol.scenario.v1.MoveType moveType(MoveType t) {
    return brink.protocol.scenario.v1.MoveType.valueOf(t.name());
  }

  static brink.protocol.scenario.v1.Move move(Move m) {
    return brink.protocol.scenario.v1.Move.newBuilder()
        .setType(moveType(m.type()))
        .setTarget(m.target())
        .setTargetB(m.targetB())
        .setUnit(m.unit())
        .setRegion(m.region())
        .setQuantity(m.quantity())
        .build();
  }

  static brink.protocol.scenario.v1.Visibility visibility(Visibility v) {
    switch (v) {
      case PARTIES:
        return brink.protocol.scenario.v1.Visibility.PARTIES;
      case COVERT:
        return brink.protocol.scenario.v1.Visibility.COVERT;
      case PUBLIC:
      default:
        return brink.protocol.scenario.v1.Visibility.PUBLIC;
    }
  }

  static brink.protocol.scenario.v1.Regime regime(Regime r) {
    return r == Regime.AUTOCRACY
        ? brink.protocol.scenario.v1.Regime.AUTOCRACY
        : brink.protocol.scenario.v1.Regime.DEMOCRACY;
  }

  /** ONGOING is "no outcome yet": OUTCOME_UNSPECIFIED. */
  static OutcomeType outcome(Outcome o) {
    return o == Outcome.ONGOING ? OutcomeType.OUTCOME_UNSPECIFIED : OutcomeType.valueOf(o.name());
  }

  static brink.protocol.scenario.v1.TimelineEntry timeline(TimelineEntry e) {
    return brink.protocol.scenario.v1.TimelineEntry.newBuilder()
        .setDate(e.date() == null ? "" : e.date())
        .setTurn(e.turn())
        .setText(text(e.text() == null ? Text.EMPTY : e.text()))
        .setSource(e.source() == null ? "" : e.source())
        .build();
  }

  static Inject inject(InjectDef d) {
    Inject.Builder b = Inject.newBuilder()
        .setId(d.id())
        .setTurn(d.turn())
        .setHeadline(text(d.headline()))
        .setBody(text(d.body()))
        .setSource(d.source())
        .setVisibility(visibility(d.visibility()))
        .addAllAudience(d.audience());
    Condition c = d.when();
    if (c != null) {
      brink.protocol.scenario.v1.Condition.Builder cb = brink.protocol.scenario.v1.Condition.newBuilder()
          .setA(c.a() == null ? "" : c.a())
          .setB(c.b() == null ? "" : c.b())
          .setFromTurn(c.fromTurn());
      if (c.tensionAtLeast() != null) {
        cb.setTensionAtLeast(c.tensionAtLeast());
      }
      if (c.tensionBelow() != null) {
        cb.setTensionBelow(c.tensionBelow());
      }
      b.setWhen(cb);
    }
    for (Effect e : d.effects()) {
      b.addEffect(effect(e));
    }
    return b.build();
  }

  static brink.protocol.scenario.v1.Effect effect(Effect e) {
    brink.protocol.scenario.v1.Effect.Builder b = brink.protocol.scenario.v1.Effect.newBuilder();
    if (e instanceof Effect.Hostility) {
      Effect.Hostility h = (Effect.Hostility) e;
      b.setHostility(DyadChange.newBuilder().setFrom(h.from()).setTo(h.to()).setDelta(h.delta()));
    } else if (e instanceof Effect.Trust) {
      Effect.Trust t = (Effect.Trust) e;
      b.setTrust(DyadChange.newBuilder().setFrom(t.from()).setTo(t.to()).setDelta(t.delta()));
    } else if (e instanceof Effect.SetAlert) {
      Effect.SetAlert a = (Effect.SetAlert) e;
      b.setSetAlert(SetAlert.newBuilder().setActor(a.actor()).setAlert(a.alert()));
    } else if (e instanceof Effect.Deployed) {
      Effect.Deployed d = (Effect.Deployed) e;
      b.setDeployed(DyadChange.newBuilder().setFrom(d.from()).setTo(d.to()).setDelta(d.delta()));
    } else if (e instanceof Effect.MoveUnit) {
      Effect.MoveUnit m = (Effect.MoveUnit) e;
      b.setMoveUnit(UnitMove.newBuilder().setUnit(m.unit()).setRegion(m.region()));
    } else if (e instanceof Effect.TalksOpen) {
      Effect.TalksOpen t = (Effect.TalksOpen) e;
      b.setTalksOpen(PairFlag.newBuilder().setA(t.a()).setB(t.b()).setValue(t.value()));
    } else if (e instanceof Effect.Sanctions) {
      Effect.Sanctions s = (Effect.Sanctions) e;
      b.setSanctions(SanctionsFlag.newBuilder().setFrom(s.from()).setTo(s.to()).setValue(s.value()));
    } else {
      throw new IllegalArgumentException("unknown inject effect " + e);
    }
    return b.build();
  }
}
