package brink.scenario;

import brink.engine.bot.Bots;
import brink.protocol.scenario.v1.Actor;
import brink.protocol.scenario.v1.Alliance;
import brink.protocol.scenario.v1.Condition;
import brink.protocol.scenario.v1.Dyad;
import brink.protocol.scenario.v1.Effect;
import brink.protocol.scenario.v1.HistoricalMove;
import brink.protocol.scenario.v1.Inject;
import brink.protocol.scenario.v1.Objective;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.scenario.v1.Pair;
import brink.protocol.scenario.v1.PairState;
import brink.protocol.scenario.v1.Region;
import brink.protocol.scenario.v1.Regime;
import brink.protocol.scenario.v1.Rules;
import brink.protocol.scenario.v1.Scenario;
import brink.protocol.scenario.v1.Text;
import brink.protocol.scenario.v1.TimelineEntry;
import brink.protocol.scenario.v1.Unit;
import brink.protocol.scenario.v1.Visibility;
import brink.protocol.scenario.v1.VisibilityOverride;
import brink.scenario.SourceText.Pos;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The semantic checks of a parsed scenario file (engine-model.md Part II §7 "Scenario validator",
 * Part II-c §1–§3, §7, §12). Every check runs and reports; nothing stops at the first error. The
 * discretisation check needs the converted scenario and lives in {@link Calibration}.
 */
final class ScenarioValidator {
  /** Kahn 1965 has 44 rungs; 0 is "Disagreement—Cold War" below the ladder (engine-model.md Part II §5). */
  static final int TOP_RUNG = 44;

  private final Checker c;
  private final Scenario s;
  private final Node root;
  private final Refs refs;

  private ScenarioValidator(Checker c, Scenario s, Node root) {
    this.c = c;
    this.s = s;
    this.root = root;
    this.refs = Refs.of(s);
  }

  static void validate(Checker c, Scenario s, Node root) {
    new ScenarioValidator(c, s, root).run();
  }

  private void run() {
    c.id(root, "id", s.getId(), "the scenario");
    text(root, "title", s.getTitle(), true, "the scenario's title");
    text(root, "summary", s.getSummary(), false, "the summary");
    text(root, "background", s.getBackground(), false, "the background");
    for (int i = 0; i < s.getNoteCount(); i++) {
      textAt(root.at("note", i), s.getNote(i), false, "note " + (i + 1));
    }
    c.date(root, "start_date", s.getStartDate(), "start_date");
    c.between(root, "turn_length_days", s.getTurnLengthDays(), 0, Double.POSITIVE_INFINITY, "turn_length_days");
    rules(root.child("rules"), s.getRules());
    actors();
    dyads();
    primaryDyads();
    alliances();
    pairStates();
    regions();
    units();
    injects();
    historical();
    timeline();
    objectives();
    visibility();
  }

  // ---- rules (engine-model.md Part II-c §12) ----

  private void rules(Node n, Rules r) {
    if (r.hasDt()) c.positive(n, "dt", r.getDt(), "dt");
    if (r.hasMaxTurns()) c.between(n, "max_turns", r.getMaxTurns(), 0, Double.POSITIVE_INFINITY, "max_turns");
    if (r.hasMaxMovesPerTurn()) c.between(n, "max_moves_per_turn", r.getMaxMovesPerTurn(), 1, Double.POSITIVE_INFINITY, "max_moves_per_turn");
    if (r.hasBetaVerbal()) nonNegative(n, "beta_verbal", r.getBetaVerbal());
    if (r.hasBetaMaterial()) nonNegative(n, "beta_material", r.getBetaMaterial());
    if (r.hasTheta()) nonNegative(n, "theta", r.getTheta());
    if (r.hasMuTalks()) nonNegative(n, "mu_talks", r.getMuTalks());
    // k_eff = k (1 - lambda tau) stays >= 0 for tau in [0,1] only if lambda <= 1.
    if (r.hasLambdaTrust()) unit(n, "lambda_trust", r.getLambdaTrust());
    if (r.hasRhoPlus()) nonNegative(n, "rho_plus", r.getRhoPlus());
    if (r.hasRhoMinus()) nonNegative(n, "rho_minus", r.getRhoMinus());
    if (r.hasVerbalTrustDiscount()) unit(n, "verbal_trust_discount", r.getVerbalTrustDiscount());
    if (r.hasKappa()) nonNegative(n, "kappa", r.getKappa());
    if (r.hasChiAid()) nonNegative(n, "chi_aid", r.getChiAid());
    if (r.hasPiTalks()) nonNegative(n, "pi_talks", r.getPiTalks());
    if (r.hasYieldProgress()) nonNegative(n, "yield_progress", r.getYieldProgress());
    if (r.hasHaltFactor()) unit(n, "halt_factor", r.getHaltFactor());
    if (r.hasMediateProgress()) nonNegative(n, "mediate_progress", r.getMediateProgress());
    if (r.hasAgreementGrievanceFactor()) unit(n, "agreement_grievance_factor", r.getAgreementGrievanceFactor());
    if (r.hasAgreementTrustBonus()) unit(n, "agreement_trust_bonus", r.getAgreementTrustBonus());
    if (r.hasWarThreshold()) c.between(n, "war_threshold", r.getWarThreshold(), 0, 100, "war_threshold");
    if (r.hasWarPersistTurns()) c.between(n, "war_persist_turns", r.getWarPersistTurns(), 1, Double.POSITIVE_INFINITY, "war_persist_turns");
    if (r.hasSettleThreshold()) c.between(n, "settle_threshold", r.getSettleThreshold(), 0, 100, "settle_threshold");
    if (r.hasSettlePersistTurns()) c.between(n, "settle_persist_turns", r.getSettlePersistTurns(), 1, Double.POSITIVE_INFINITY, "settle_persist_turns");
    if (r.hasTacitWithdrawFraction()) unit(n, "tacit_withdraw_fraction", r.getTacitWithdrawFraction());
    if (r.hasIncidentPMax()) c.between(n, "incident_p_max", r.getIncidentPMax(), 0, 1, "incident_p_max (a probability)");
    if (r.hasIncidentMid()) c.between(n, "incident_mid", r.getIncidentMid(), 0, 100, "incident_mid (a tension)");
    if (r.hasIncidentScale()) c.positive(n, "incident_scale", r.getIncidentScale(), "incident_scale");
    if (r.hasIncidentImpulse()) nonNegative(n, "incident_impulse", r.getIncidentImpulse());
    if (r.hasIncidentFloor()) c.between(n, "incident_floor", r.getIncidentFloor(), 0, TOP_RUNG, "incident_floor (a Kahn rung)");
    if (r.hasDeployFloorThreshold()) nonNegative(n, "deploy_floor_threshold", r.getDeployFloorThreshold());
    alertMap(n, r, "alert_k_mult", false);
    alertMap(n, r, "alert_floor", true);
    if (r.hasAudienceAlphaDemocracy()) nonNegative(n, "audience_alpha_democracy", r.getAudienceAlphaDemocracy());
    if (r.hasAudienceAlphaAutocracy()) nonNegative(n, "audience_alpha_autocracy", r.getAudienceAlphaAutocracy());
    if (r.hasAudienceDecay()) unit(n, "audience_decay", r.getAudienceDecay());
    if (r.hasAudiencePenalty()) nonNegative(n, "audience_penalty", r.getAudiencePenalty());
    if (r.hasMagnitudeScale()) c.positive(n, "magnitude_scale", r.getMagnitudeScale(), "magnitude_scale");
    if (r.hasMagnitudeLogBase() && c.finite(n, "magnitude_log_base", r.getMagnitudeLogBase(), "magnitude_log_base")
        && r.getMagnitudeLogBase() <= 1) {
      c.add(n.at("magnitude_log_base"), ErrorCode.OUT_OF_RANGE,
          "magnitude_log_base must be greater than 1 (m(q) divides by its logarithm), found " + Checker.num(r.getMagnitudeLogBase()));
    }
    if (r.hasMagnitudeMin()) nonNegative(n, "magnitude_min", r.getMagnitudeMin());
    double min = r.hasMagnitudeMin() ? r.getMagnitudeMin() : 0.1;
    double max = r.hasMagnitudeMax() ? r.getMagnitudeMax() : 1.5;
    if ((r.hasMagnitudeMin() || r.hasMagnitudeMax()) && max < min) {
      c.add(n.at(r.hasMagnitudeMax() ? "magnitude_max" : "magnitude_min"), ErrorCode.OUT_OF_RANGE,
          "magnitude_max (" + Checker.num(max) + ") must be at least magnitude_min (" + Checker.num(min) + ")");
    }
    if (r.hasDetectionProbability()) c.between(n, "detection_probability", r.getDetectionProbability(), 0, 1, "detection_probability (a probability)");
  }

  /** alert_k_mult / alert_floor: keys are alert levels 1..5, each once. */
  private void alertMap(Node n, Rules r, String field, boolean floor) {
    FieldDescriptor fd = Rules.getDescriptor().findFieldByName(field);
    Map<Integer, Pos> seen = new TreeMap<>();
    for (int i = 0; i < r.getRepeatedFieldCount(fd); i++) {
      Message entry = (Message) r.getRepeatedField(fd, i);
      int key = (Integer) entry.getField(entry.getDescriptorForType().findFieldByName("key"));
      Object value = entry.getField(entry.getDescriptorForType().findFieldByName("value"));
      Node e = n.child(field, i);
      if (key < 1 || key > 5) {
        c.add(e.at("key"), ErrorCode.OUT_OF_RANGE, field + ": the key is an alert level from 1 to 5, found " + key);
        continue;
      }
      Pos first = seen.putIfAbsent(key, e.pos());
      if (first != null) {
        c.add(e.pos(), ErrorCode.DUPLICATE_FIELD,
            field + " gives alert " + key + " twice (first at line " + first.line() + ":" + first.column() + ")");
      }
      if (floor) {
        c.between(e, "value", (Integer) value, 0, TOP_RUNG, field + " at alert " + key + " (a Kahn rung)");
      } else {
        c.between(e, "value", (Double) value, 0, Double.POSITIVE_INFINITY, field + " at alert " + key);
      }
    }
  }

  private void nonNegative(Node n, String field, double v) {
    c.between(n, field, v, 0, Double.POSITIVE_INFINITY, field);
  }

  private void unit(Node n, String field, double v) {
    c.between(n, field, v, 0, 1, field);
  }

  // ---- actors ----

  private void actors() {
    if (s.getActorCount() == 0) {
      c.add(root.pos(), ErrorCode.MISSING_FIELD, "the scenario defines no actor: add actor { id: \"...\" name { en: \"...\" } }");
    }
    Map<String, Pos> seen = new LinkedHashMap<>();
    for (int i = 0; i < s.getActorCount(); i++) {
      Actor a = s.getActor(i);
      Node n = root.child("actor", i);
      String what = a.getId().isEmpty() ? "an actor" : "actor \"" + a.getId() + "\"";
      if (c.id(n, "id", a.getId(), "an actor")) {
        c.unique(seen, a.getId(), n.at("id"), "actor");
      }
      text(n, "name", a.getName(), true, what + "'s name");
      text(n, "public_briefing", a.getPublicBriefing(), false, what + "'s public briefing");
      text(n, "private_briefing", a.getPrivateBriefing(), false, what + "'s private briefing");
      if (a.getRegime() == Regime.UNRECOGNIZED) {
        badEnum(n, "regime", a.getRegimeValue(), Regime.getDescriptor());
      }
      if (a.hasAlert()) c.between(n, "alert", a.getAlert(), 1, 5, what + "'s alert (5 = least severe, 1 = most severe)");
      if (!a.getDefaultBot().isEmpty() && !Bots.isValid(a.getDefaultBot())) {
        c.add(n.at("default_bot"), ErrorCode.UNKNOWN_BOT,
            "unknown bot \"" + a.getDefaultBot() + "\" for " + what + Suggest.hint(a.getDefaultBot(), Bots.NAMES, "bots"));
      }
      if (a.hasStability()) c.between(n, "stability", a.getStability(), 0, 100, what + "'s stability");
      if (a.hasEcon()) c.between(n, "econ", a.getEcon(), 0, Double.POSITIVE_INFINITY, what + "'s econ");
      if (a.hasReserve()) {
        c.between(n, "reserve", a.getReserve(), 0, Double.POSITIVE_INFINITY, what + "'s reserve (thousands of troops)");
        if (refs.hasUnits()) {
          c.add(n.at("reserve"), ErrorCode.UNITS_MISMATCH,
              "reserve is for scenarios without units; this one has units, so " + what
                  + "'s reserve is its on-alert units in regions facing nobody: remove reserve");
        }
      }
      if (a.hasAudienceCost()) c.between(n, "audience_cost", a.getAudienceCost(), 0, Double.POSITIVE_INFINITY, what + "'s audience_cost");
    }
  }

  // ---- dyads (engine-model.md Part II-c §1) ----

  private void dyads() {
    Map<String, Pos> seen = new TreeMap<>();
    Map<String, Integer> index = new TreeMap<>();
    for (int i = 0; i < s.getDyadCount(); i++) {
      Dyad d = s.getDyad(i);
      Node n = root.child("dyad", i);
      boolean from = c.ref(n, "from", d.getFrom(), refs.actors, "actor", "actors", "dyad");
      boolean to = c.ref(n, "to", d.getTo(), refs.actors, "actor", "actors", "dyad");
      String what = "dyad " + d.getFrom() + "->" + d.getTo();
      if (from && to) {
        if (d.getFrom().equals(d.getTo())) {
          c.add(n.at("to"), ErrorCode.SELF_DYAD, "a dyad joins two different actors, but this one goes from \""
              + d.getFrom() + "\" to itself");
        } else {
          String k = Refs.key(d.getFrom(), d.getTo());
          Pos first = seen.putIfAbsent(k, n.pos());
          if (first != null) {
            c.add(n.pos(), ErrorCode.DUPLICATE_ID, what + " is defined twice (first at line " + first.line() + ":" + first.column() + ")");
          } else {
            index.put(k, i);
          }
        }
      }
      c.between(n, "hostility", d.getHostility(), 0, 100, "hostility of " + what);
      c.positive(n, "restraint", d.getRestraint(), "restraint of " + what);
      c.between(n, "reaction", d.getReaction(), 0, Double.POSITIVE_INFINITY, "reaction of " + what);
      c.finite(n, "grievance", d.getGrievance(), "grievance of " + what);
      if (d.hasTrust()) c.between(n, "trust", d.getTrust(), 0, 1, "trust of " + what);
      if (d.hasDeployed()) {
        c.between(n, "deployed", d.getDeployed(), 0, Double.POSITIVE_INFINITY, "deployed of " + what + " (thousands of troops)");
        if (refs.hasUnits()) {
          c.add(n.at("deployed"), ErrorCode.UNITS_MISMATCH,
              "deployed is for scenarios without units; this one has units, so deployments come from where the units are: remove deployed");
        }
      }
    }
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      Dyad d = s.getDyad(e.getValue());
      if (!index.containsKey(Refs.key(d.getTo(), d.getFrom()))) {
        c.add(root.at("dyad", e.getValue()), ErrorCode.ONE_DIRECTION_DYAD,
            "dyad " + d.getFrom() + "->" + d.getTo() + " has no reverse direction: add dyad { from: \""
                + d.getTo() + "\" to: \"" + d.getFrom() + "\" ... } (a dyad needs both directions)");
      }
    }
  }

  // ---- primary dyads, alliances, pair states ----

  private void primaryDyads() {
    if (s.getPrimaryDyadCount() == 0) {
      c.add(root.pos(), ErrorCode.NO_PRIMARY_DYAD,
          "the scenario has no primary dyad: add primary_dyad { a: \"...\" b: \"...\" } naming the crisis whose settlement ends the game");
    }
    Map<String, Pos> seen = new TreeMap<>();
    for (int i = 0; i < s.getPrimaryDyadCount(); i++) {
      Pair p = s.getPrimaryDyad(i);
      Node n = root.child("primary_dyad", i);
      if (pair(n, p.getA(), p.getB(), "a", "b", "primary_dyad")) {
        c.unique(seen, sorted(p.getA(), p.getB()), n.pos(), "primary dyad");
      }
    }
  }

  /** Two known, different actors forming a dyad. */
  private boolean pair(Node n, String a, String b, String fa, String fb, String where) {
    boolean ka = c.ref(n, fa, a, refs.actors, "actor", "actors", where);
    boolean kb = c.ref(n, fb, b, refs.actors, "actor", "actors", where);
    if (!ka || !kb) {
      return false;
    }
    if (a.equals(b)) {
      c.add(n.at(fb), ErrorCode.SELF_DYAD, where + " names \"" + a + "\" twice: it needs two different actors");
      return false;
    }
    if (!refs.dyad(a, b)) {
      c.add(n.pos(), ErrorCode.NOT_A_DYAD,
          where + " " + a + "-" + b + " is not a dyad: define dyad { from: \"" + a + "\" to: \"" + b
              + "\" ... } and dyad { from: \"" + b + "\" to: \"" + a + "\" ... }");
      return false;
    }
    return true;
  }

  private void alliances() {
    for (int i = 0; i < s.getAllianceCount(); i++) {
      Alliance al = s.getAlliance(i);
      Node n = root.child("alliance", i);
      text(n, "name", al.getName(), false, "the alliance's name");
      if (al.getMembersCount() < 2) {
        c.add(n.pos(), ErrorCode.MISSING_FIELD, "an alliance needs at least two members, found " + al.getMembersCount());
      }
      Set<String> seen = new TreeSet<>();
      for (int m = 0; m < al.getMembersCount(); m++) {
        String id = al.getMembers(m);
        if (c.ref(n.at("members", m), n.pos(), "members", id, refs.actors, "actor", "actors", "alliance")
            && !seen.add(id)) {
          c.add(n.at("members", m), ErrorCode.DUPLICATE_ID, "\"" + id + "\" is listed twice in this alliance");
        }
      }
    }
  }

  private void pairStates() {
    Map<String, Pos> seen = new TreeMap<>();
    for (int i = 0; i < s.getPairStateCount(); i++) {
      PairState p = s.getPairState(i);
      Node n = root.child("pair_state", i);
      if (pair(n, p.getA(), p.getB(), "a", "b", "pair_state")) {
        c.unique(seen, sorted(p.getA(), p.getB()), n.pos(), "pair_state");
      }
      c.between(n, "progress", p.getProgress(), 0, Double.POSITIVE_INFINITY, "progress (negotiation progress P)");
    }
  }

  // ---- regions and units (engine-model.md Part II-b, Part II-c §3) ----

  private void regions() {
    Map<String, Pos> seen = new TreeMap<>();
    for (int i = 0; i < s.getRegionCount(); i++) {
      Region g = s.getRegion(i);
      Node n = root.child("region", i);
      String what = g.getId().isEmpty() ? "a region" : "region \"" + g.getId() + "\"";
      if (c.id(n, "id", g.getId(), "a region")) {
        c.unique(seen, g.getId(), n.at("id"), "region");
      }
      text(n, "name", g.getName(), true, what + "'s name");
      if (!g.getSovereign().isEmpty()) {
        c.ref(n, "sovereign", g.getSovereign(), refs.actors, "actor", "actors", what);
      }
      refList(n, "faces", g.getFacesList(), what);
      refList(n, "barred_for", g.getBarredForList(), what);
    }
  }

  private void refList(Node n, String field, List<String> ids, String what) {
    Set<String> seen = new TreeSet<>();
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get(k);
      if (c.ref(n.at(field, k), n.pos(), field, id, refs.actors, "actor", "actors", what + " " + field)
          && !seen.add(id)) {
        c.add(n.at(field, k), ErrorCode.DUPLICATE_ID, "\"" + id + "\" is listed twice in " + field + " of " + what);
      }
    }
  }

  private void units() {
    Map<String, Pos> seen = new TreeMap<>();
    for (int i = 0; i < s.getUnitCount(); i++) {
      Unit u = s.getUnit(i);
      Node n = root.child("unit", i);
      String what = u.getId().isEmpty() ? "a unit" : "unit \"" + u.getId() + "\"";
      if (c.id(n, "id", u.getId(), "a unit")) {
        c.unique(seen, u.getId(), n.at("id"), "unit");
      }
      text(n, "name", u.getName(), true, what + "'s name");
      text(n, "description", u.getDescription(), false, what + "'s description");
      boolean owner = c.ref(n, "owner", u.getOwner(), refs.actors, "actor", "actors", what);
      if (u.getSize() <= 0) {
        c.add(n.at("size"), ErrorCode.OUT_OF_RANGE, "size of " + what + " must be a number of soldiers greater than 0, found "
            + u.getSize() + (n.has("size") ? "" : " (it is missing)"));
      }
      boolean loc = c.ref(n, "location", u.getLocation(), refs.regions, "region", "regions", what);
      if (owner && loc && refs.barred(u.getLocation(), u.getOwner())) {
        c.add(n.at("location"), ErrorCode.REGION_BARRED,
            what + " of \"" + u.getOwner() + "\" starts in region \"" + u.getLocation()
                + "\", which is barred for \"" + u.getOwner() + "\" (see its barred_for)");
      }
    }
  }

  // ---- injects (engine-model.md Part II-c §10) ----

  private void injects() {
    Map<String, Pos> seen = new TreeMap<>();
    for (int i = 0; i < s.getInjectCount(); i++) {
      Inject in = s.getInject(i);
      Node n = root.child("inject", i);
      String what = in.getId().isEmpty() ? "an inject" : "inject \"" + in.getId() + "\"";
      if (c.id(n, "id", in.getId(), "an inject")) {
        c.unique(seen, in.getId(), n.at("id"), "inject");
      }
      text(n, "headline", in.getHeadline(), true, what + "'s headline");
      text(n, "body", in.getBody(), false, what + "'s body");
      if (in.hasWhen()) {
        if (in.getTurn() != 0) {
          c.add(n.at("turn"), ErrorCode.ONEOF_CONFLICT,
              what + " has both turn and when: a conditional inject fires on the first turn its condition holds, so leave turn out");
        }
        condition(n.child("when"), in.getWhen(), what);
      } else if (in.getTurn() < 1) {
        c.add(n.at("turn"), in.getTurn() < 0 ? ErrorCode.OUT_OF_RANGE : ErrorCode.MISSING_FIELD,
            what + " needs turn: N (1 = the first turn) or a when { ... } condition"
                + (in.getTurn() < 0 ? ", found turn " + in.getTurn() : ""));
      }
      if (in.getVisibility() == Visibility.UNRECOGNIZED) {
        badEnum(n, "visibility", in.getVisibilityValue(), Visibility.getDescriptor());
      }
      for (int k = 0; k < in.getAudienceCount(); k++) {
        c.ref(n.at("audience", k), n.pos(), "audience", in.getAudience(k), refs.actors, "actor", "actors", what + " audience");
      }
      if (in.getVisibility() == Visibility.PARTIES && in.getAudienceCount() == 0) {
        c.add(n.at("visibility"), ErrorCode.MISSING_FIELD,
            what + " is PARTIES but names no audience: add audience: \"...\" for each actor who sees it");
      }
      for (int k = 0; k < in.getEffectCount(); k++) {
        effect(n.child("effect", k), in.getEffect(k), what);
      }
    }
  }

  private void condition(Node n, Condition w, String what) {
    String where = what + " condition";
    boolean tested = w.hasTensionAtLeast() || w.hasTensionBelow();
    if (tested || !w.getA().isEmpty() || !w.getB().isEmpty()) {
      pair(n, w.getA(), w.getB(), "a", "b", where);
    }
    if (w.hasTensionAtLeast()) c.between(n, "tension_at_least", w.getTensionAtLeast(), 0, 100, "tension_at_least");
    if (w.hasTensionBelow()) c.between(n, "tension_below", w.getTensionBelow(), 0, 100, "tension_below");
    if (w.hasTensionAtLeast() && w.hasTensionBelow() && w.getTensionAtLeast() >= w.getTensionBelow()) {
      c.add(n.at("tension_below"), ErrorCode.OUT_OF_RANGE,
          where + " can never hold: tension_at_least " + Checker.num(w.getTensionAtLeast())
              + " is not below tension_below " + Checker.num(w.getTensionBelow()));
    }
    if (w.getFromTurn() < 0) {
      c.between(n, "from_turn", w.getFromTurn(), 0, Double.POSITIVE_INFINITY, "from_turn");
    }
    if (!tested && w.getFromTurn() <= 0) {
      c.add(n.pos(), ErrorCode.MISSING_FIELD,
          where + " tests nothing, so it would fire at once: give tension_at_least, tension_below or from_turn (or use turn instead)");
    }
  }

  private void effect(Node n, Effect e, String what) {
    String where = what + " effect";
    switch (e.getKindCase()) {
      case HOSTILITY:
        directed(n.child("hostility"), e.getHostility().getFrom(), e.getHostility().getTo(), where);
        c.finite(n.child("hostility"), "delta", e.getHostility().getDelta(), "delta");
        break;
      case TRUST:
        directed(n.child("trust"), e.getTrust().getFrom(), e.getTrust().getTo(), where);
        c.between(n.child("trust"), "delta", e.getTrust().getDelta(), -1, 1, "a trust delta");
        break;
      case DEPLOYED:
        directed(n.child("deployed"), e.getDeployed().getFrom(), e.getDeployed().getTo(), where);
        c.finite(n.child("deployed"), "delta", e.getDeployed().getDelta(), "delta");
        if (refs.hasUnits()) {
          c.add(n.at("deployed"), ErrorCode.UNITS_MISMATCH,
              "a deployed effect is for scenarios without units; this one has units: use move_unit { unit: \"...\" region: \"...\" }");
        }
        break;
      case SET_ALERT:
        c.ref(n.child("set_alert"), "actor", e.getSetAlert().getActor(), refs.actors, "actor", "actors", where);
        c.between(n.child("set_alert"), "alert", e.getSetAlert().getAlert(), 1, 5, "set_alert's alert (5 = least severe, 1 = most severe)");
        break;
      case MOVE_UNIT: {
        Node m = n.child("move_unit");
        boolean u = c.ref(m, "unit", e.getMoveUnit().getUnit(), refs.units.keySet(), "unit", "units", where);
        boolean r = c.ref(m, "region", e.getMoveUnit().getRegion(), refs.regions, "region", "regions", where);
        if (u && r && refs.barred(e.getMoveUnit().getRegion(), refs.units.get(e.getMoveUnit().getUnit()))) {
          c.add(m.at("region"), ErrorCode.REGION_BARRED,
              where + " moves unit \"" + e.getMoveUnit().getUnit() + "\" to region \"" + e.getMoveUnit().getRegion()
                  + "\", which is barred for its owner \"" + refs.units.get(e.getMoveUnit().getUnit()) + "\"");
        }
        break;
      }
      case TALKS_OPEN:
        pair(n.child("talks_open"), e.getTalksOpen().getA(), e.getTalksOpen().getB(), "a", "b", where);
        break;
      case SANCTIONS:
        directed(n.child("sanctions"), e.getSanctions().getFrom(), e.getSanctions().getTo(), where);
        break;
      default:
        // An empty effect {} is text only (engine-model.md Part II-c §10).
        break;
    }
  }

  /** from -> to must be one direction of a dyad. */
  private void directed(Node n, String from, String to, String where) {
    pair(n, from, to, "from", "to", where);
  }

  // ---- historical moves, timeline, objectives, visibility ----

  private void historical() {
    for (int i = 0; i < s.getHistoricalCount(); i++) {
      HistoricalMove h = s.getHistorical(i);
      Node n = root.child("historical", i);
      String where = "historical move" + (h.getActor().isEmpty() ? "" : " of \"" + h.getActor() + "\"");
      if (h.getTurn() < 1) {
        c.add(n.at("turn"), h.getTurn() < 0 ? ErrorCode.OUT_OF_RANGE : ErrorCode.MISSING_FIELD,
            where + " needs turn: N (1 = the first turn)" + (h.getTurn() < 0 ? ", found " + h.getTurn() : ""));
      }
      boolean actor = c.ref(n, "actor", h.getActor(), refs.actors, "actor", "actors", "historical move");
      if (!h.hasMove()) {
        c.add(n.pos(), ErrorCode.MISSING_FIELD, where + " needs move { type: ... }");
      } else {
        MoveChecks.check(c, n.child("move"), h.getMove(), actor ? h.getActor() : null, refs, true, where);
      }
      text(n, "note", h.getNote(), false, "the note");
      c.date(n, "date", h.getDate(), "date");
    }
  }

  private void timeline() {
    for (int i = 0; i < s.getTimelineCount(); i++) {
      TimelineEntry t = s.getTimeline(i);
      Node n = root.child("timeline", i);
      c.date(n, "date", t.getDate(), "date");
      c.between(n, "turn", t.getTurn(), 0, Double.POSITIVE_INFINITY, "turn");
      text(n, "text", t.getText(), true, "the timeline entry's text");
    }
  }

  private void objectives() {
    Map<String, Pos> seen = new TreeMap<>();
    for (int i = 0; i < s.getObjectiveCount(); i++) {
      Objective o = s.getObjective(i);
      Node n = root.child("objective", i);
      boolean actor = c.ref(n, "actor", o.getActor(), refs.actors, "actor", "actors", "objective");
      String what = o.getId().isEmpty() ? "an objective" : "objective \"" + o.getId() + "\"";
      if (c.id(n, "id", o.getId(), "an objective") && actor) {
        Pos first = seen.putIfAbsent(o.getActor() + '\u0000' + o.getId(), n.at("id"));
        if (first != null) {
          c.add(n.at("id"), ErrorCode.DUPLICATE_ID, "\"" + o.getActor() + "\" already has an objective \"" + o.getId()
              + "\" (at line " + first.line() + ":" + first.column() + ")");
        }
      }
      text(n, "description", o.getDescription(), true, what + "'s description");
      switch (o.getTestCase()) {
        case OUTCOME_IN: {
          Node t = n.child("outcome_in");
          if (o.getOutcomeIn().getOutcomeCount() == 0) {
            c.add(t.pos(), ErrorCode.MISSING_FIELD, what + ": outcome_in lists no outcome");
          }
          for (int k = 0; k < o.getOutcomeIn().getOutcomeCount(); k++) {
            OutcomeType ot = o.getOutcomeIn().getOutcome(k);
            if (ot == OutcomeType.OUTCOME_UNSPECIFIED || ot == OutcomeType.UNRECOGNIZED) {
              c.add(t.at("outcome", k), ErrorCode.UNKNOWN_ENUM_VALUE,
                  what + ": \"outcome\" must be one of " + String.join(", ", TextParser.validValues(OutcomeType.getDescriptor()))
                      + ", found " + (ot == OutcomeType.UNRECOGNIZED ? String.valueOf(o.getOutcomeIn().getOutcomeValue(k)) : ot.name()));
            }
          }
          break;
        }
        case TENSION_AT_MOST:
          pair(n.child("tension_at_most"), o.getTensionAtMost().getA(), o.getTensionAtMost().getB(), "a", "b", what);
          c.between(n.child("tension_at_most"), "value", o.getTensionAtMost().getValue(), 0, 100, "a tension");
          break;
        case TENSION_AT_LEAST:
          pair(n.child("tension_at_least"), o.getTensionAtLeast().getA(), o.getTensionAtLeast().getB(), "a", "b", what);
          c.between(n.child("tension_at_least"), "value", o.getTensionAtLeast().getValue(), 0, 100, "a tension");
          break;
        case ALERT_NEVER_BELOW:
          c.between(n, "alert_never_below", o.getAlertNeverBelow(), 1, 5, "alert_never_below (an alert level)");
          break;
        case STABILITY_AT_LEAST:
          c.between(n, "stability_at_least", o.getStabilityAtLeast(), 0, 100, "stability_at_least");
          break;
        case DEPLOYED_AT_MOST:
          directed(n.child("deployed_at_most"), o.getDeployedAtMost().getFrom(), o.getDeployedAtMost().getTo(), what);
          c.between(n.child("deployed_at_most"), "value", o.getDeployedAtMost().getValue(), 0, Double.POSITIVE_INFINITY,
              "deployed_at_most (thousands of troops)");
          break;
        default:
          c.add(n.pos(), ErrorCode.MISSING_FIELD,
              what + " has no test: add one of outcome_in, tension_at_most, tension_at_least, alert_never_below,"
                  + " stability_at_least, deployed_at_most");
      }
    }
  }

  private void visibility() {
    Map<String, Pos> seen = new TreeMap<>();
    for (int i = 0; i < s.getVisibilityCount(); i++) {
      VisibilityOverride v = s.getVisibility(i);
      Node n = root.child("visibility", i);
      if (v.getMove() == brink.protocol.scenario.v1.MoveType.MOVE_UNSPECIFIED) {
        c.add(n.pos(), ErrorCode.MISSING_FIELD, "a visibility override needs move: <MOVE_TYPE>");
      } else if (v.getMove() == brink.protocol.scenario.v1.MoveType.UNRECOGNIZED) {
        badEnum(n, "move", v.getMoveValue(), brink.protocol.scenario.v1.MoveType.getDescriptor());
      } else {
        c.unique(seen, v.getMove().name(), n.at("move"), "the visibility of move");
      }
      if (v.getVisibility() == Visibility.VISIBILITY_UNSPECIFIED) {
        c.add(n.pos(), ErrorCode.MISSING_FIELD, "a visibility override needs visibility: PUBLIC, PARTIES or COVERT");
      } else if (v.getVisibility() == Visibility.UNRECOGNIZED) {
        badEnum(n, "visibility", v.getVisibilityValue(), Visibility.getDescriptor());
      }
    }
  }

  // ---- shared ----

  /**
   * A text shown to people: English is required for names and headlines ({@code required}); any text
   * with French must also have English, which is the fallback.
   */
  private void text(Node parent, String field, Text t, boolean required, String what) {
    if (!t.getEn().isBlank()) {
      return;
    }
    if (required) {
      c.add(parent.at(field), ErrorCode.MISSING_ENGLISH,
          what + " has no English text: write " + field + " { en: \"...\" }" + (t.getFr().isBlank() ? "" : " beside the French"));
    } else if (!t.getFr().isBlank()) {
      c.add(parent.at(field), ErrorCode.MISSING_ENGLISH,
          what + " has French text but no English: add en: \"...\" (English is shown when a translation is missing)");
    }
  }

  private void textAt(Pos at, Text t, boolean required, String what) {
    if (t.getEn().isBlank() && (required || !t.getFr().isBlank())) {
      c.add(at, ErrorCode.MISSING_ENGLISH, what + " has no English text: add en: \"...\"");
    }
  }

  private void badEnum(Node n, String field, int number, com.google.protobuf.Descriptors.EnumDescriptor type) {
    badEnum(c, n, field, number, type);
  }

  static void badEnum(Checker c, Node n, String field, int number, com.google.protobuf.Descriptors.EnumDescriptor type) {
    c.add(n.at(field), ErrorCode.UNKNOWN_ENUM_VALUE,
        "\"" + field + "\" has no value " + number + "; write one of " + String.join(", ", TextParser.validValues(type)));
  }

  private static String sorted(String a, String b) {
    return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
  }
}
