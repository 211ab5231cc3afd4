package brink.engine.def;

import java.util.Arrays;

/**
 * Every global parameter of the model (engine-model.md Part II-c §12), with the model's defaults.
 * A scenario's {@code rules} block overrides any of them; {@link #defaults()} gives the model's values.
 */
public record Rules(    double dt,
    int maxTurns,
    int maxMovesPerTurn,
    double betaVerbal,
    double betaMaterial,
    double theta,
    double muTalks,
    double lambdaTrust,
    double rhoPlus,
    double rhoMinus,
    double verbalTrustDiscount,
    double kappa,
    double chiAid,
    double piTalks,
    double yieldProgress,
    double haltFactor,
    double mediateProgress,
    double agreementGrievanceFactor,
    double agreementTrustBonus,
    double warThreshold,
    int warPersistTurns,
    double settleThreshold,
    int settlePersistTurns,
    double tacitWithdrawFraction,
    double incidentPMax,
    double incidentMid,
    double incidentScale,
    double incidentImpulse,
    int incidentFloor,
    double deployFloorThreshold,
    double[] alertKMult,
    int[] alertFloor,
    double audienceAlphaDemocracy,
    double audienceAlphaAutocracy,
    double audienceDecay,
    double audiencePenalty,
    double magnitudeScale,
    double magnitudeLogBase,
    double magnitudeMin,
    double magnitudeMax,
    double detectionProbability,
    boolean earlyFrozen,
    boolean silentSeatsWait) {
  /** Reaction multiplier per alert 5..1: {5: 1, 4: 1, 3: 1.1, 2: 1.25, 1: 1.5} (II §4 step 5). */
  private static final double[] ALERT_K_MULT = {0, 1.5, 1.25, 1.1, 1.0, 1.0};
  /** Kahn floor per alert 5..1: {5: 0, 4: 0, 3: 5, 2: 11, 1: 11} (II §4 step 9; Kahn 1965 rungs 5 and 11). */
  private static final int[] ALERT_FLOOR = {0, 11, 11, 5, 0, 0};

  public Rules {
    alertKMult = alertKMult.clone();
    alertFloor = alertFloor.clone();
    if (alertKMult.length != 6 || alertFloor.length != 6) {
      throw new IllegalArgumentException("alertKMult and alertFloor are indexed by alert 1..5 (length 6)");
    }
  }

  /** The model's defaults. */
  public static Rules defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy of these rules to change some values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.dt = dt;
    b.maxTurns = maxTurns;
    b.maxMovesPerTurn = maxMovesPerTurn;
    b.betaVerbal = betaVerbal;
    b.betaMaterial = betaMaterial;
    b.theta = theta;
    b.muTalks = muTalks;
    b.lambdaTrust = lambdaTrust;
    b.rhoPlus = rhoPlus;
    b.rhoMinus = rhoMinus;
    b.verbalTrustDiscount = verbalTrustDiscount;
    b.kappa = kappa;
    b.chiAid = chiAid;
    b.piTalks = piTalks;
    b.yieldProgress = yieldProgress;
    b.haltFactor = haltFactor;
    b.mediateProgress = mediateProgress;
    b.agreementGrievanceFactor = agreementGrievanceFactor;
    b.agreementTrustBonus = agreementTrustBonus;
    b.warThreshold = warThreshold;
    b.warPersistTurns = warPersistTurns;
    b.settleThreshold = settleThreshold;
    b.settlePersistTurns = settlePersistTurns;
    b.tacitWithdrawFraction = tacitWithdrawFraction;
    b.incidentPMax = incidentPMax;
    b.incidentMid = incidentMid;
    b.incidentScale = incidentScale;
    b.incidentImpulse = incidentImpulse;
    b.incidentFloor = incidentFloor;
    b.deployFloorThreshold = deployFloorThreshold;
    b.alertKMult = alertKMult.clone();
    b.alertFloor = alertFloor.clone();
    b.audienceAlphaDemocracy = audienceAlphaDemocracy;
    b.audienceAlphaAutocracy = audienceAlphaAutocracy;
    b.audienceDecay = audienceDecay;
    b.audiencePenalty = audiencePenalty;
    b.magnitudeScale = magnitudeScale;
    b.magnitudeLogBase = magnitudeLogBase;
    b.magnitudeMin = magnitudeMin;
    b.magnitudeMax = magnitudeMax;
    b.detectionProbability = detectionProbability;
    b.earlyFrozen = earlyFrozen;
    b.silentSeatsWait = silentSeatsWait;
    return b;
  }

  /** Reaction multiplier at an alert level 1..5. */
  public double kMult(int alert) {
    return alertKMult[alert];
  }

  /** Kahn floor set by an alert level 1..5. */
  public int floorOfAlert(int alert) {
    return alertFloor[alert];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Rules)) {
      return false;
    }
    Rules r = (Rules) o;
    return toString().equals(r.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "Rules["
        + "dt=" + dt + ", "
        + "maxTurns=" + maxTurns + ", "
        + "maxMovesPerTurn=" + maxMovesPerTurn + ", "
        + "betaVerbal=" + betaVerbal + ", "
        + "betaMaterial=" + betaMaterial + ", "
        + "theta=" + theta + ", "
        + "muTalks=" + muTalks + ", "
        + "lambdaTrust=" + lambdaTrust + ", "
        + "rhoPlus=" + rhoPlus + ", "
        + "rhoMinus=" + rhoMinus + ", "
        + "verbalTrustDiscount=" + verbalTrustDiscount + ", "
        + "kappa=" + kappa + ", "
        + "chiAid=" + chiAid + ", "
        + "piTalks=" + piTalks + ", "
        + "yieldProgress=" + yieldProgress + ", "
        + "haltFactor=" + haltFactor + ", "
        + "mediateProgress=" + mediateProgress + ", "
        + "agreementGrievanceFactor=" + agreementGrievanceFactor + ", "
        + "agreementTrustBonus=" + agreementTrustBonus + ", "
        + "warThreshold=" + warThreshold + ", "
        + "warPersistTurns=" + warPersistTurns + ", "
        + "settleThreshold=" + settleThreshold + ", "
        + "settlePersistTurns=" + settlePersistTurns + ", "
        + "tacitWithdrawFraction=" + tacitWithdrawFraction + ", "
        + "incidentPMax=" + incidentPMax + ", "
        + "incidentMid=" + incidentMid + ", "
        + "incidentScale=" + incidentScale + ", "
        + "incidentImpulse=" + incidentImpulse + ", "
        + "incidentFloor=" + incidentFloor + ", "
        + "deployFloorThreshold=" + deployFloorThreshold + ", "
        + "alertKMult=" + Arrays.toString(alertKMult) + ", "
        + "alertFloor=" + Arrays.toString(alertFloor) + ", "
        + "audienceAlphaDemocracy=" + audienceAlphaDemocracy + ", "
        + "audienceAlphaAutocracy=" + audienceAlphaAutocracy + ", "
        + "audienceDecay=" + audienceDecay + ", "
        + "audiencePenalty=" + audiencePenalty + ", "
        + "magnitudeScale=" + magnitudeScale + ", "
        + "magnitudeLogBase=" + magnitudeLogBase + ", "
        + "magnitudeMin=" + magnitudeMin + ", "
        + "magnitudeMax=" + magnitudeMax + ", "
        + "detectionProbability=" + detectionProbability + ", "
        + "earlyFrozen=" + earlyFrozen + ", "
        + "silentSeatsWait=" + silentSeatsWait + ", "
        + "]";
  }

  /** Builder with the model's defaults filled in one place. */
  public static final class Builder {
    /** Euler step of the Richardson update (engine-model.md I.1, II §1: 1 turn = 1 week). */
    public double dt = 1.0;
    /** 0 = unbounded (II §1). */
    public int maxTurns = 12;
    /** II-b 'Moves per turn'. */
    public int maxMovesPerTurn = 3;
    /** impulse factor of verbal moves: cheap talk weighs less (Fearon 1997), II §4 step 3. */
    public double betaVerbal = 0.3;
    /** impulse factor of material moves, II §4 step 3. */
    public double betaMaterial = 1.0;
    /** persistent threat of deployed troops, g_eff term (Slantchev 2005), II §4 step 5. */
    public double theta = 1.0;
    /** restraint added by mutual talks, II §4 step 5. */
    public double muTalks = 0.06;
    /** how much trust damps reaction (Kydd 1997), II §4 step 5. */
    public double lambdaTrust = 0.5;
    /** trust gain rate, II §4 step 3. */
    public double rhoPlus = 0.10;
    /** trust loss rate: trust is lost faster than gained, II §4 step 3. */
    public double rhoMinus = 0.20;
    /** c for verbal moves: costly signals reassure (Kydd), II §4 step 3. */
    public double verbalTrustDiscount = 0.3;
    /** alliance coupling of Richardson's N-nation extension (Bigelow 2003), II §4 step 5. */
    public double kappa = 0.0;
    /** third-party perception of military aid, II §3. */
    public double chiAid = 0.3;
    /** negotiation progress per turn of talks, II §4 step 4. */
    public double piTalks = 0.25;
    /** progress per yield event, II §4 step 4. */
    public double yieldProgress = 0.2;
    /** progress kept after HALT_TALKS, II-c §4. */
    public double haltFactor = 0.5;
    /** progress per MEDIATE, II §3. */
    public double mediateProgress = 0.05;
    /** grievance kept after an agreement, II §4 step 7. */
    public double agreementGrievanceFactor = 0.5;
    /** trust added by an agreement, II §4 step 7. */
    public double agreementTrustBonus = 0.3;
    /** tension of inadvertent war (Jervis spiral), II §4 step 10. */
    public double warThreshold = 80.0;
    /** II §4 step 10. */
    public int warPersistTurns = 2;
    /** Kahn's 'Don't Rock the Boat' threshold, II §4 step 10. */
    public double settleThreshold = 25.0;
    /** II §4 step 10. */
    public int settlePersistTurns = 3;
    /** II §4 step 10. */
    public double tacitWithdrawFraction = 0.5;
    /** Schelling's threat that leaves something to chance, II §4 step 6. */
    public double incidentPMax = 0.25;
    /** II §4 step 6. */
    public double incidentMid = 75.0;
    /** II §4 step 6. */
    public double incidentScale = 4.0;
    /** II §4 step 6. */
    public double incidentImpulse = 5.0;
    /** Kahn 1965 rung 8 'Harassing acts of violence', II §4 step 6. */
    public int incidentFloor = 8;
    /** thousands of troops for deploy floor 6 (Kahn rung 6), II §3. */
    public double deployFloorThreshold = 50.0;
    /** reaction multiplier indexed by alert 1..5 (index 0 unused), II §4 step 5. */
    public double[] alertKMult = ALERT_K_MULT.clone();
    /** Kahn floor indexed by alert 1..5 (index 0 unused): alert 2 = rung 11 'Super-ready status', II §4 step 9. */
    public int[] alertFloor = ALERT_FLOOR.clone();
    /** Fearon 1994: stronger audiences for democracies, II §4 step 8. */
    public double audienceAlphaDemocracy = 1.0;
    /** Fearon 1994, II §4 step 8. */
    public double audienceAlphaAutocracy = 0.5;
    /** II §4 step 8. */
    public double audienceDecay = 0.9;
    /** stability lost per unit of audience cost on backing down, II §4 step 8. */
    public double audiencePenalty = 10.0;
    /** m(q) = clamp(ln(1+q/scale)/ln(base), min, max), II §3. */
    public double magnitudeScale = 10.0;
    /** II §3. */
    public double magnitudeLogBase = 11.0;
    /** II §3. */
    public double magnitudeMin = 0.1;
    /** II §3. */
    public double magnitudeMax = 1.5;
    /** chance a covert move is detected by its target, II-c §9. */
    public double detectionProbability = 0.5;
    /** optional early frozen-conflict rule, off by default, II-c §7. */
    public boolean earlyFrozen = false;
    /** true: an actor with no submission waits instead of being played by its default bot, II-c §6. */
    public boolean silentSeatsWait = false;

    private Builder() {}

    public Builder dt(double dt) {
      this.dt = dt;
      return this;
    }

    public Builder maxTurns(int maxTurns) {
      this.maxTurns = maxTurns;
      return this;
    }

    public Builder maxMovesPerTurn(int maxMovesPerTurn) {
      this.maxMovesPerTurn = maxMovesPerTurn;
      return this;
    }

    public Builder betaVerbal(double betaVerbal) {
      this.betaVerbal = betaVerbal;
      return this;
    }

    public Builder betaMaterial(double betaMaterial) {
      this.betaMaterial = betaMaterial;
      return this;
    }

    public Builder theta(double theta) {
      this.theta = theta;
      return this;
    }

    public Builder muTalks(double muTalks) {
      this.muTalks = muTalks;
      return this;
    }

    public Builder lambdaTrust(double lambdaTrust) {
      this.lambdaTrust = lambdaTrust;
      return this;
    }

    public Builder rhoPlus(double rhoPlus) {
      this.rhoPlus = rhoPlus;
      return this;
    }

    public Builder rhoMinus(double rhoMinus) {
      this.rhoMinus = rhoMinus;
      return this;
    }

    public Builder verbalTrustDiscount(double verbalTrustDiscount) {
      this.verbalTrustDiscount = verbalTrustDiscount;
      return this;
    }

    public Builder kappa(double kappa) {
      this.kappa = kappa;
      return this;
    }

    public Builder chiAid(double chiAid) {
      this.chiAid = chiAid;
      return this;
    }

    public Builder piTalks(double piTalks) {
      this.piTalks = piTalks;
      return this;
    }

    public Builder yieldProgress(double yieldProgress) {
      this.yieldProgress = yieldProgress;
      return this;
    }

    public Builder haltFactor(double haltFactor) {
      this.haltFactor = haltFactor;
      return this;
    }

    public Builder mediateProgress(double mediateProgress) {
      this.mediateProgress = mediateProgress;
      return this;
    }

    public Builder agreementGrievanceFactor(double agreementGrievanceFactor) {
      this.agreementGrievanceFactor = agreementGrievanceFactor;
      return this;
    }

    public Builder agreementTrustBonus(double agreementTrustBonus) {
      this.agreementTrustBonus = agreementTrustBonus;
      return this;
    }

    public Builder warThreshold(double warThreshold) {
      this.warThreshold = warThreshold;
      return this;
    }

    public Builder warPersistTurns(int warPersistTurns) {
      this.warPersistTurns = warPersistTurns;
      return this;
    }

    public Builder settleThreshold(double settleThreshold) {
      this.settleThreshold = settleThreshold;
      return this;
    }

    public Builder settlePersistTurns(int settlePersistTurns) {
      this.settlePersistTurns = settlePersistTurns;
      return this;
    }

    public Builder tacitWithdrawFraction(double tacitWithdrawFraction) {
      this.tacitWithdrawFraction = tacitWithdrawFraction;
      return this;
    }

    public Builder incidentPMax(double incidentPMax) {
      this.incidentPMax = incidentPMax;
      return this;
    }

    public Builder incidentMid(double incidentMid) {
      this.incidentMid = incidentMid;
      return this;
    }

    public Builder incidentScale(double incidentScale) {
      this.incidentScale = incidentScale;
      return this;
    }

    public Builder incidentImpulse(double incidentImpulse) {
      this.incidentImpulse = incidentImpulse;
      return this;
    }

    public Builder incidentFloor(int incidentFloor) {
      this.incidentFloor = incidentFloor;
      return this;
    }

    public Builder deployFloorThreshold(double deployFloorThreshold) {
      this.deployFloorThreshold = deployFloorThreshold;
      return this;
    }

    public Builder alertKMult(double[] alertKMult) {
      this.alertKMult = alertKMult.clone();
      return this;
    }

    public Builder alertFloor(int[] alertFloor) {
      this.alertFloor = alertFloor.clone();
      return this;
    }

    public Builder audienceAlphaDemocracy(double audienceAlphaDemocracy) {
      this.audienceAlphaDemocracy = audienceAlphaDemocracy;
      return this;
    }

    public Builder audienceAlphaAutocracy(double audienceAlphaAutocracy) {
      this.audienceAlphaAutocracy = audienceAlphaAutocracy;
      return this;
    }

    public Builder audienceDecay(double audienceDecay) {
      this.audienceDecay = audienceDecay;
      return this;
    }

    public Builder audiencePenalty(double audiencePenalty) {
      this.audiencePenalty = audiencePenalty;
      return this;
    }

    public Builder magnitudeScale(double magnitudeScale) {
      this.magnitudeScale = magnitudeScale;
      return this;
    }

    public Builder magnitudeLogBase(double magnitudeLogBase) {
      this.magnitudeLogBase = magnitudeLogBase;
      return this;
    }

    public Builder magnitudeMin(double magnitudeMin) {
      this.magnitudeMin = magnitudeMin;
      return this;
    }

    public Builder magnitudeMax(double magnitudeMax) {
      this.magnitudeMax = magnitudeMax;
      return this;
    }

    public Builder detectionProbability(double detectionProbability) {
      this.detectionProbability = detectionProbability;
      return this;
    }

    public Builder earlyFrozen(boolean earlyFrozen) {
      this.earlyFrozen = earlyFrozen;
      return this;
    }

    public Builder silentSeatsWait(boolean silentSeatsWait) {
      this.silentSeatsWait = silentSeatsWait;
      return this;
    }

    public Rules build() {
      return new Rules(dt, maxTurns, maxMovesPerTurn, betaVerbal, betaMaterial, theta, muTalks, lambdaTrust, rhoPlus, rhoMinus, verbalTrustDiscount, kappa, chiAid, piTalks, yieldProgress, haltFactor, mediateProgress, agreementGrievanceFactor, agreementTrustBonus, warThreshold, warPersistTurns, settleThreshold, settlePersistTurns, tacitWithdrawFraction, incidentPMax, incidentMid, incidentScale, incidentImpulse, incidentFloor, deployFloorThreshold, alertKMult, alertFloor, audienceAlphaDemocracy, audienceAlphaAutocracy, audienceDecay, audiencePenalty, magnitudeScale, magnitudeLogBase, magnitudeMin, magnitudeMax, detectionProbability, earlyFrozen, silentSeatsWait);
    }
  }
}
