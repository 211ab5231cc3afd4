package brink.scenario;

import brink.engine.def.ActorDef;
import brink.engine.def.Alliance;
import brink.engine.def.Condition;
import brink.engine.def.DyadDef;
import brink.engine.def.Effect;
import brink.engine.def.HistoricalMove;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Objective;
import brink.engine.def.Outcome;
import brink.engine.def.Pair;
import brink.engine.def.PairState;
import brink.engine.def.Regime;
import brink.engine.def.RegionDef;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import brink.engine.def.Text;
import brink.engine.def.TimelineEntry;
import brink.engine.def.UnitDef;
import brink.engine.def.Visibility;
import brink.protocol.scenario.v1.OutcomeType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed scenario file into the engine's immutable {@link Scenario}, filling every default in
 * one place. It is mechanical: it assumes {@link ScenarioLoader} has already validated the file (ids,
 * ranges, references) and only maps field to field.
 */
public final class ScenarioConverter {
  /** Days per turn when the file does not say (engine-model.md Part II §1: 1 turn = 1 week). */
  static final int DEFAULT_TURN_LENGTH_DAYS = 7;
  /** Starting alert when the file does not say: DEFCON-style 5, the lowest readiness. */
  static final int DEFAULT_ALERT = 5;
  /** Starting stability, economy (engine-model.md Part II-c §7). */
  static final double DEFAULT_STABILITY = 100;
  static final double DEFAULT_ECON = 100;

  private ScenarioConverter() {}

  public static Scenario toEngine(brink.protocol.scenario.v1.Scenario p) {
    List<ActorDef> actors = new ArrayList<>();
    for (brink.protocol.scenario.v1.Actor a : p.getActorList()) {
      actors.add(
          new ActorDef(
              a.getId(),
              text(a.getName(), a.getId()),
              a.getRegime() == brink.protocol.scenario.v1.Regime.AUTOCRACY
                  ? Regime.AUTOCRACY
                  : Regime.DEMOCRACY,
              a.getNuclear(),
              a.hasAlert() ? a.getAlert() : DEFAULT_ALERT,
              a.getDefaultBot().isEmpty() ? "passive" : a.getDefaultBot(),
              text(a.getPublicBriefing()),
              text(a.getPrivateBriefing()),
              a.hasStability() ? a.getStability() : DEFAULT_STABILITY,
              a.hasEcon() ? a.getEcon() : DEFAULT_ECON,
              a.hasReserve() ? a.getReserve() : 0,
              a.hasAudienceCost() ? a.getAudienceCost() : 0));
    }
    List<DyadDef> dyads = new ArrayList<>();
    for (brink.protocol.scenario.v1.Dyad d : p.getDyadList()) {
      dyads.add(
          new DyadDef(
              d.getFrom(),
              d.getTo(),
              d.getHostility(),
              d.getRestraint(),
              d.getReaction(),
              d.getGrievance(),
              d.hasTrust() ? d.getTrust() : 0,
              d.hasDeployed() ? d.getDeployed() : 0,
              d.getSanctions(),
              d.getRationale()));
    }
    List<Pair> primary = new ArrayList<>();
    for (brink.protocol.scenario.v1.Pair x : p.getPrimaryDyadList()) {
      primary.add(new Pair(x.getA(), x.getB()));
    }
    List<Alliance> alliances = new ArrayList<>();
    for (brink.protocol.scenario.v1.Alliance x : p.getAllianceList()) {
      alliances.add(new Alliance(x.getMembersList(), text(x.getName())));
    }
    List<PairState> pairStates = new ArrayList<>();
    for (brink.protocol.scenario.v1.PairState x : p.getPairStateList()) {
      pairStates.add(
          new PairState(
              new Pair(x.getA(), x.getB()),
              x.getTalksOpen(),
              x.getProgress(),
              x.getSigned(),
              x.getRelationsBroken()));
    }
    List<RegionDef> regions = new ArrayList<>();
    for (brink.protocol.scenario.v1.Region r : p.getRegionList()) {
      regions.add(
          new RegionDef(
              r.getId(), text(r.getName(), r.getId()), r.getSovereign(), r.getFacesList(), r.getBarredForList()));
    }
    List<UnitDef> units = new ArrayList<>();
    for (brink.protocol.scenario.v1.Unit u : p.getUnitList()) {
      units.add(
          new UnitDef(
              u.getId(),
              u.getOwner(),
              text(u.getName(), u.getId()),
              u.getSize(),
              u.getLocation(),
              u.getOnAlert(),
              text(u.getDescription())));
    }
    List<InjectDef> injects = new ArrayList<>();
    for (brink.protocol.scenario.v1.Inject i : p.getInjectList()) {
      injects.add(
          new InjectDef(
              i.getId(),
              i.getTurn(),
              i.hasWhen() ? condition(i.getWhen()) : null,
              text(i.getHeadline()),
              text(i.getBody()),
              i.getSource(),
              visibility(i.getVisibility(), Visibility.PUBLIC),
              i.getAudienceList(),
              effects(i.getEffectList())));
    }
    List<HistoricalMove> historical = new ArrayList<>();
    for (brink.protocol.scenario.v1.HistoricalMove h : p.getHistoricalList()) {
      historical.add(
          new HistoricalMove(h.getTurn(), h.getActor(), move(h.getMove()), text(h.getNote()), h.getDate()));
    }
    List<TimelineEntry> timeline = new ArrayList<>();
    for (brink.protocol.scenario.v1.TimelineEntry t : p.getTimelineList()) {
      timeline.add(new TimelineEntry(t.getDate(), t.getTurn(), text(t.getText()), t.getSource()));
    }
    List<Objective> objectives = new ArrayList<>();
    for (brink.protocol.scenario.v1.Objective o : p.getObjectiveList()) {
      objectives.add(new Objective(o.getActor(), o.getId(), text(o.getDescription()), objectiveTest(o)));
    }
    Map<MoveType, Visibility> vis = new EnumMap<>(MoveType.class);
    for (brink.protocol.scenario.v1.VisibilityOverride v : p.getVisibilityList()) {
      vis.put(moveType(v.getMove()), visibility(v.getVisibility(), Visibility.PUBLIC));
    }
    List<Text> notes = new ArrayList<>();
    for (brink.protocol.scenario.v1.Text t : p.getNoteList()) {
      notes.add(text(t));
    }
    return new Scenario(
        p.getId(),
        text(p.getTitle(), p.getId()),
        text(p.getSummary()),
        p.getStartDate(),
        p.getTurnLengthDays() > 0 ? p.getTurnLengthDays() : DEFAULT_TURN_LENGTH_DAYS,
        rules(p.getRules()),
        actors,
        dyads,
        primary,
        alliances,
        pairStates,
        regions,
        units,
        injects,
        historical,
        timeline,
        objectives,
        vis,
        text(p.getBackground()),
        notes,
        p.getSourceList());
  }

  /** The scenario's rules over the model's defaults: a field left out of the file keeps its default. */
  public static Rules rules(brink.protocol.scenario.v1.Rules r) {
    Rules.Builder b = Rules.builder();
    if (r.hasDt()) b.dt(r.getDt());
    if (r.hasMaxTurns()) b.maxTurns(r.getMaxTurns());
    if (r.hasMaxMovesPerTurn()) b.maxMovesPerTurn(r.getMaxMovesPerTurn());
    if (r.hasBetaVerbal()) b.betaVerbal(r.getBetaVerbal());
    if (r.hasBetaMaterial()) b.betaMaterial(r.getBetaMaterial());
    if (r.hasTheta()) b.theta(r.getTheta());
    if (r.hasMuTalks()) b.muTalks(r.getMuTalks());
    if (r.hasLambdaTrust()) b.lambdaTrust(r.getLambdaTrust());
    if (r.hasRhoPlus()) b.rhoPlus(r.getRhoPlus());
    if (r.hasRhoMinus()) b.rhoMinus(r.getRhoMinus());
    if (r.hasVerbalTrustDiscount()) b.verbalTrustDiscount(r.getVerbalTrustDiscount());
    if (r.hasKappa()) b.kappa(r.getKappa());
    if (r.hasChiAid()) b.chiAid(r.getChiAid());
    if (r.hasPiTalks()) b.piTalks(r.getPiTalks());
    if (r.hasYieldProgress()) b.yieldProgress(r.getYieldProgress());
    if (r.hasHaltFactor()) b.haltFactor(r.getHaltFactor());
    if (r.hasMediateProgress()) b.mediateProgress(r.getMediateProgress());
    if (r.hasAgreementGrievanceFactor()) b.agreementGrievanceFactor(r.getAgreementGrievanceFactor());
    if (r.hasAgreementTrustBonus()) b.agreementTrustBonus(r.getAgreementTrustBonus());
    if (r.hasWarThreshold()) b.warThreshold(r.getWarThreshold());
    if (r.hasWarPersistTurns()) b.warPersistTurns(r.getWarPersistTurns());
    if (r.hasSettleThreshold()) b.settleThreshold(r.getSettleThreshold());
    if (r.hasSettlePersistTurns()) b.settlePersistTurns(r.getSettlePersistTurns());
    if (r.hasTacitWithdrawFraction()) b.tacitWithdrawFraction(r.getTacitWithdrawFraction());
    if (r.hasIncidentPMax()) b.incidentPMax(r.getIncidentPMax());
    if (r.hasIncidentMid()) b.incidentMid(r.getIncidentMid());
    if (r.hasIncidentScale()) b.incidentScale(r.getIncidentScale());
    if (r.hasIncidentImpulse()) b.incidentImpulse(r.getIncidentImpulse());
    if (r.hasIncidentFloor()) b.incidentFloor(r.getIncidentFloor());
    if (r.hasDeployFloorThreshold()) b.deployFloorThreshold(r.getDeployFloorThreshold());
    double[] kMult = b.alertKMult.clone();
    for (Map.Entry<Integer, Double> e : r.getAlertKMultMap().entrySet()) {
      kMult[e.getKey()] = e.getValue();
    }
    b.alertKMult(kMult);
    int[] floor = b.alertFloor.clone();
    for (Map.Entry<Integer, Integer> e : r.getAlertFloorMap().entrySet()) {
      floor[e.getKey()] = e.getValue();
    }
    b.alertFloor(floor);
    if (r.hasAudienceAlphaDemocracy()) b.audienceAlphaDemocracy(r.getAudienceAlphaDemocracy());
    if (r.hasAudienceAlphaAutocracy()) b.audienceAlphaAutocracy(r.getAudienceAlphaAutocracy());
    if (r.hasAudienceDecay()) b.audienceDecay(r.getAudienceDecay());
    if (r.hasAudiencePenalty()) b.audiencePenalty(r.getAudiencePenalty());
    if (r.hasMagnitudeScale()) b.magnitudeScale(r.getMagnitudeScale());
    if (r.hasMagnitudeLogBase()) b.magnitudeLogBase(r.getMagnitudeLogBase());
    if (r.hasMagnitudeMin()) b.magnitudeMin(r.getMagnitudeMin());
    if (r.hasMagnitudeMax()) b.magnitudeMax(r.getMagnitudeMax());
    if (r.hasDetectionProbability()) b.detectionProbability(r.getDetectionProbability());
    if (r.hasEarlyFrozen()) b.earlyFrozen(r.getEarlyFrozen());
    if (r.hasSilentSeatsWait()) b.silentSeatsWait(r.getSilentSeatsWait());
    return b.build();
  }

  /** A move of the file as the engine's {@link Move}. */
  public static Move move(brink.protocol.scenario.v1.Move m) {
    return new Move(moveType(m.getType()), m.getTarget(), m.getTargetB(), m.getUnit(), m.getRegion(), m.getQuantity());
  }

  /** The engine's move type of the same name. The loader rejects MOVE_UNSPECIFIED before conversion. */
  public static MoveType moveType(brink.protocol.scenario.v1.MoveType t) {
    if (t == brink.protocol.scenario.v1.MoveType.MOVE_UNSPECIFIED
        || t == brink.protocol.scenario.v1.MoveType.UNRECOGNIZED) {
      throw new IllegalArgumentException("move type is missing");
    }
    return MoveType.valueOf(t.name());
  }

  public static Outcome outcome(OutcomeType t) {
    if (t == OutcomeType.OUTCOME_UNSPECIFIED || t == OutcomeType.UNRECOGNIZED) {
      return Outcome.ONGOING;
    }
    return Outcome.valueOf(t.name());
  }

  static Text text(brink.protocol.scenario.v1.Text t) {
    return new Text(t.getEn(), t.getFr());
  }

  /** A name: falls back to the id when the file gives none. */
  static Text text(brink.protocol.scenario.v1.Text t, String fallback) {
    return t.getEn().isEmpty() && t.getFr().isEmpty() ? Text.of(fallback) : text(t);
  }

  static Visibility visibility(brink.protocol.scenario.v1.Visibility v, Visibility fallback) {
    switch (v) {
      case PUBLIC:
        return Visibility.PUBLIC;
      case PARTIES:
        return Visibility.PARTIES;
      case COVERT:
        return Visibility.COVERT;
      default:
        return fallback;
    }
  }

  static Condition condition(brink.protocol.scenario.v1.Condition c) {
    return new Condition(
        c.getA(),
        c.getB(),
        c.hasTensionAtLeast() ? c.getTensionAtLeast() : null,
        c.hasTensionBelow() ? c.getTensionBelow() : null,
        c.getFromTurn());
  }

  static List<Effect> effects(List<brink.protocol.scenario.v1.Effect> list) {
    List<Effect> out = new ArrayList<>();
    for (brink.protocol.scenario.v1.Effect e : list) {
      switch (e.getKindCase()) {
        case HOSTILITY:
          out.add(new Effect.Hostility(e.getHostility().getFrom(), e.getHostility().getTo(), e.getHostility().getDelta()));
          break;
        case TRUST:
          out.add(new Effect.Trust(e.getTrust().getFrom(), e.getTrust().getTo(), e.getTrust().getDelta()));
          break;
        case SET_ALERT:
          out.add(new Effect.SetAlert(e.getSetAlert().getActor(), e.getSetAlert().getAlert()));
          break;
        case DEPLOYED:
          out.add(new Effect.Deployed(e.getDeployed().getFrom(), e.getDeployed().getTo(), e.getDeployed().getDelta()));
          break;
        case MOVE_UNIT:
          out.add(new Effect.MoveUnit(e.getMoveUnit().getUnit(), e.getMoveUnit().getRegion()));
          break;
        case TALKS_OPEN:
          out.add(new Effect.TalksOpen(e.getTalksOpen().getA(), e.getTalksOpen().getB(), e.getTalksOpen().getValue()));
          break;
        case SANCTIONS:
          out.add(new Effect.Sanctions(e.getSanctions().getFrom(), e.getSanctions().getTo(), e.getSanctions().getValue()));
          break;
        default:
          // An empty effect is text only; the loader reports it as a warning-free no-op.
          break;
      }
    }
    return out;
  }

  static Objective.Test objectiveTest(brink.protocol.scenario.v1.Objective o) {
    switch (o.getTestCase()) {
      case OUTCOME_IN:
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (OutcomeType t : o.getOutcomeIn().getOutcomeList()) {
          outcomes.add(outcome(t));
        }
        return new Objective.OutcomeIn(outcomes);
      case TENSION_AT_MOST:
        return new Objective.TensionAtMost(
            o.getTensionAtMost().getA(), o.getTensionAtMost().getB(), o.getTensionAtMost().getValue());
      case TENSION_AT_LEAST:
        return new Objective.TensionAtLeast(
            o.getTensionAtLeast().getA(), o.getTensionAtLeast().getB(), o.getTensionAtLeast().getValue());
      case ALERT_NEVER_BELOW:
        return new Objective.AlertNeverBelow(o.getAlertNeverBelow());
      case STABILITY_AT_LEAST:
        return new Objective.StabilityAtLeast(o.getStabilityAtLeast());
      case DEPLOYED_AT_MOST:
        return new Objective.DeployedAtMost(
            o.getDeployedAtMost().getFrom(), o.getDeployedAtMost().getTo(), o.getDeployedAtMost().getValue());
      default:
        throw new IllegalArgumentException("objective " + o.getId() + " has no test");
    }
  }
}
