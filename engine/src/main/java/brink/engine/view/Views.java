package brink.engine.view;

import brink.engine.ActorRecord;
import brink.engine.Draw;
import brink.engine.DyadRecord;
import brink.engine.Engine;
import brink.engine.Event;
import brink.engine.Flow;
import brink.engine.GameState;
import brink.engine.MoveCatalogue;
import brink.engine.Rejection;
import brink.engine.Rng;
import brink.engine.TurnRecord;
import brink.engine.def.ActorDef;
import brink.engine.def.Alliance;
import brink.engine.def.HistoricalMove;
import brink.engine.def.InjectDef;
import brink.engine.def.MoveType;
import brink.engine.def.Pair;
import brink.engine.def.RegionDef;
import brink.engine.def.Scenario;
import brink.engine.def.UnitDef;
import brink.engine.def.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one door through which game state reaches a player, an observer or a bot (engine-model.md Part II-b
 * "Visibility", II-c §9). The dynamics always use the true state; these functions only filter what each
 * viewer is told:
 *
 * <ul>
 *   <li>PUBLIC events: everyone.
 *   <li>PARTIES events: the mover and its target(s) see the move; every other viewer sees only that contact
 *       happened between them: an event of type WAIT with effect {@value #CONTACT}, no code, weight,
 *       magnitude, unit, region or escalation points.
 *   <li>COVERT events: the mover; its target(s) only if the stream-1 draw detected it; nobody else.
 *   <li>Inject effects: PUBLIC to everyone, PARTIES to the inject's audience, COVERT to nobody but the
 *       instructor.
 *   <li>The instructor sees everything (the after-action report).
 * </ul>
 *
 * Escalation scores and flows F_ij in views and filtered reports are recomputed from the visible events
 * only. Numbers a viewer may not see are {@code null} in views and {@code Double.NaN} (or −1 for integer
 * totals, see {@link #report}) in filtered {@link TurnRecord}s, whose shape is the engine's.
 */
public final class Views {
  /** The effect text of a PARTIES move seen by a third party: only that contact happened. */
  public static final String CONTACT = "contact";
  /**
   * An integer a viewer may not see in a filtered record: others' escalation totals in a single-turn report,
   * the floor of dyads the viewer is not part of.
   */
  public static final int UNKNOWN = -1;

  private Views() {}

  // ------------------------------------------------------------------ visibility of one event

  /**
   * The event as {@code viewer} sees it: the event itself, its "contact" form, or null when the viewer does
   * not learn of it.
   */
  public static Event seen(Event e, Viewer viewer) {
    Objects.requireNonNull(e, "event");
    if (viewer.isInstructor()) {
      return e;
    }
    String me = viewer.actorId();
    if (e.fromInject()) {
      switch (e.visibility()) {
        case PUBLIC:
          return e;
        case PARTIES:
          return viewer.kind() == Viewer.Kind.ACTOR && e.parties().contains(me) ? e : null;
        default:
          return null;
      }
    }
    if (viewer.is(e.actor())) {
      return e;
    }
    boolean party = viewer.kind() == Viewer.Kind.ACTOR && e.parties().contains(me);
    switch (e.visibility()) {
      case PUBLIC:
        return e;
      case PARTIES:
        return party ? e : contact(e);
      default:
        return party && e.detected() ? e : null;
    }
  }

  /** True when {@code e} is the "contact happened" form of a PARTIES move. */
  public static boolean isContact(Event e) {
    return !e.fromInject() && e.type() == MoveType.WAIT && CONTACT.equals(e.effect());
  }

  private static Event contact(Event e) {
    return new Event(e.actor(), MoveType.WAIT, e.target(), e.targetB(), "", "", "", 0, 0, true, 0,
        Visibility.PARTIES, false, e.parties(), CONTACT, 0);
  }

  /** The events of a turn as {@code viewer} sees them, in the record's order. */
  public static List<Event> events(List<Event> events, Viewer viewer) {
    List<Event> out = new ArrayList<>(events.size());
    for (Event e : events) {
      Event s = seen(e, viewer);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * F_from,to = Σ w·m over the given (already filtered) events of {@code from} toward {@code to}, for each
   * directed dyad of {@code template}, in its order (Part II §4 step 11). A no-target event (alert moves) acts
   * toward every partner of its mover, MEDIATE toward both actors, like the engine's own flows.
   */
  public static List<Flow> flows(List<Event> visible, List<Flow> template) {
    List<Flow> out = new ArrayList<>(template.size());
    for (Flow f : template) {
      double v = 0;
      for (Event e : visible) {
        if (e.fromInject() || isContact(e) || !e.actor().equals(f.from())) {
          continue;
        }
        boolean toward = e.target().isEmpty()
            ? e.parties().contains(f.to()) && !f.to().equals(f.from())
            : e.target().equals(f.to()) || e.targetB().equals(f.to());
        if (toward) {
          v += e.flow();
        }
      }
      out.add(new Flow(f.from(), f.to(), v));
    }
    return out;
  }

  /** Escalation score per actor over the given (already filtered) events; every actor of {@code ids} listed. */
  public static SortedMap<String, Integer> escalation(List<Event> visible, List<String> ids) {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (String id : ids) {
      out.put(id, 0);
    }
    for (Event e : visible) {
      if (!e.fromInject() && !isContact(e) && out.containsKey(e.actor())) {
        out.merge(e.actor(), e.esPoints(), Integer::sum);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ views of a state

  /** What {@code actor}'s seat may know before the next turn. */
  public static ActorView actor(GameState s, String actor) {
    Objects.requireNonNull(s, "state");
    if (!s.hasActor(actor)) {
      throw new IllegalArgumentException(
          "unknown actor '" + actor + "'; actors are " + String.join(", ", s.actorIds()));
    }
    Scenario sc = s.scenario();
    Viewer viewer = Viewer.actor(actor);
    ActorDef def = actorDef(sc, actor);

    SortedMap<String, Double> trust = trust(s, actor);
    List<String> allies = new ArrayList<>(new TreeSet<>(alliesOf(sc, actor)));
    List<String> primaryPartners = new ArrayList<>();
    for (Pair p : s.primaryPairs()) {
      if (p.contains(actor)) {
        primaryPartners.add(p.other(actor));
      }
    }
    primaryPartners.sort(null);
    List<HistoricalMove> historical = new ArrayList<>();
    for (HistoricalMove h : sc.historical()) {
      if (h.actor().equals(actor)) {
        historical.add(h);
      }
    }
    List<Event> events = events(s.lastEvents(), viewer);
    return new ActorView(sc.id(), actor, s.turn() + 1, sc.rules().maxMovesPerTurn(), sc.hasUnits(),
        def.nuclear(), def.regime(), s.alert(actor), s.stability(actor), s.audienceCost(actor), s.econ(actor),
        s.reserve(actor), s.escalationTotal(actor), s.actorIds(), alerts(s), s.partners(actor), allies,
        primaryPartners, dyads(s, viewer), trust, units(s, viewer), regions(sc), historical, events,
        flows(events, flowTemplate(s)), escalation(events, s.actorIds()), s.outcome(),
        moves -> Engine.validateSubmission(s, actor, moves));
  }

  /** The public picture before the next turn. */
  public static ObserverView observer(GameState s) {
    Objects.requireNonNull(s, "state");
    Scenario sc = s.scenario();
    List<Event> events = events(s.lastEvents(), Viewer.OBSERVER);
    return new ObserverView(sc.id(), s.turn() + 1, s.actorIds(), alerts(s), s.primaryPairs(),
        dyads(s, Viewer.OBSERVER), units(s, Viewer.OBSERVER), regions(sc), events,
        flows(events, flowTemplate(s)), escalation(events, s.actorIds()), s.outcome());
  }

  private static SortedMap<String, Integer> alerts(GameState s) {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (String id : s.actorIds()) {
      out.put(id, s.alert(id));
    }
    return out;
  }

  /** {@code actor}'s trust toward each of its partners, as its own view shows it (others' trust is hidden). */
  public static SortedMap<String, Double> trust(GameState s, String actor) {
    SortedMap<String, Double> trust = new TreeMap<>();
    for (String j : s.partners(actor)) {
      trust.put(j, s.trust(actor, j));
    }
    return trust;
  }

  /**
   * Every dyad as {@code viewer} sees it: the dyads of {@link #actor} or {@link #observer} without the rest
   * of the view, for a caller that needs only them (a turn report renders them for each audience).
   */
  public static List<DyadView> dyads(GameState s, Viewer viewer) {
    Visibility troops = visibility(s.scenario(), MoveType.DEPLOY_TROOPS);
    List<DyadView> out = new ArrayList<>();
    for (Pair p : s.pairs()) {
      String a = p.a();
      String b = p.b();
      boolean own = viewer.is(a) || viewer.is(b);
      out.add(new DyadView(a, b, s.tension(a, b), s.rung(a, b), s.ladderGroup(a, b),
          s.signed(a, b), s.relationsBroken(a, b), s.sanctions(a, b), s.sanctions(b, a), own,
          own ? s.hostility(a, b) : null, own ? s.hostility(b, a) : null,
          seesTroops(viewer, troops, a, b) ? s.deployed(a, b) : null,
          seesTroops(viewer, troops, b, a) ? s.deployed(b, a) : null,
          own ? s.talksOpen(a, b) : null, own ? s.talksActive(a, b) : null, own ? s.progress(a, b) : null));
    }
    return out;
  }

  /** D_ij is known to i, to everyone when troop moves are PUBLIC, and to j when they are PARTIES. */
  private static boolean seesTroops(Viewer viewer, Visibility troops, String i, String j) {
    return viewer.isInstructor() || viewer.is(i) || troops == Visibility.PUBLIC
        || (troops == Visibility.PARTIES && viewer.is(j));
  }

  /** The units {@code viewer} sees: the units of {@link #actor} or {@link #observer} without the rest of the view. */
  public static List<UnitView> units(GameState s, Viewer viewer) {
    Scenario sc = s.scenario();
    Visibility troops = visibility(sc, MoveType.DEPLOY_TROOPS);
    Map<String, RegionDef> regions = new HashMap<>();
    for (RegionDef r : sc.regions()) {
      regions.put(r.id(), r);
    }
    Map<String, UnitDef> defs = new HashMap<>();
    for (UnitDef u : sc.units()) {
      defs.put(u.id(), u);
    }
    List<UnitView> out = new ArrayList<>();
    for (String id : s.unitIds()) {
      UnitDef u = defs.get(id);
      String location = s.unitLocation(id);
      RegionDef r = regions.get(location);
      List<String> faces = r == null ? List.of() : r.faces();
      boolean visible = viewer.isInstructor() || viewer.is(u.owner())
          || (!faces.isEmpty() && (troops == Visibility.PUBLIC
              || (troops == Visibility.PARTIES && viewer.kind() == Viewer.Kind.ACTOR
                  && faces.contains(viewer.actorId()))));
      if (visible) {
        out.add(new UnitView(id, u.owner(), u.size(), location, s.unitOnAlert(id)));
      }
    }
    return out;
  }

  private static List<RegionDef> regions(Scenario sc) {
    List<RegionDef> out = new ArrayList<>(sc.regions());
    out.sort((x, y) -> x.id().compareTo(y.id()));
    return out;
  }

  private static List<Flow> flowTemplate(GameState s) {
    List<Flow> out = new ArrayList<>();
    for (Pair p : s.pairs()) {
      out.add(new Flow(p.a(), p.b(), 0));
      out.add(new Flow(p.b(), p.a(), 0));
    }
    return out;
  }

  private static ActorDef actorDef(Scenario sc, String id) {
    for (ActorDef a : sc.actors()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown actor '" + id + "'");
  }

  private static List<String> alliesOf(Scenario sc, String actor) {
    List<String> out = new ArrayList<>();
    for (Alliance al : sc.alliances()) {
      if (al.members().contains(actor)) {
        for (String m : al.members()) {
          if (!m.equals(actor)) {
            out.add(m);
          }
        }
      }
    }
    return out;
  }

  /** The visibility of a move type in a scenario: its override, else the catalogue's default (II-c §9). */
  public static Visibility visibility(Scenario sc, MoveType type) {
    return sc.visibility().getOrDefault(type, MoveCatalogue.of(type).visibility());
  }

  // ------------------------------------------------------------------ filtered turn reports

  /**
   * The turn record as {@code viewer} is told it. The instructor gets the record unchanged. Anyone else gets:
   * the events they see ({@link #seen}); the flows and escalation scores recomputed from those; every dyad's
   * true tension, rung and public flags, with hostility and progress {@code NaN}, floor {@link #UNKNOWN} (a
   * covert move sets it) and talks false on dyads the viewer is not part of; their own actor record in full and, for others, alert and visible
   * escalation score only (total {@link #UNKNOWN}, stability, audience cost, economy and reserve
   * {@code NaN}; {@link #history} fills the totals from the visible scores); their own rejections only;
   * which seats defaulted; the ids of injects some of whose effects they see (text-only injects need the
   * scenario: use {@link #report(Scenario, TurnRecord, Viewer)}); incident draws but no covert-detection
   * draws; and no state digest.
   */
  public static TurnRecord report(TurnRecord record, Viewer viewer) {
    return filter(record, viewer, null);
  }

  /**
   * As {@link #report(TurnRecord, Viewer)}, deciding each fired inject's visibility from its definition (so
   * headline-only injects are listed for their audience).
   */
  public static TurnRecord report(Scenario scenario, TurnRecord record, Viewer viewer) {
    Objects.requireNonNull(scenario, "scenario");
    return filter(record, viewer, scenario);
  }

  /**
   * A whole history as {@code viewer} is told it, turn by turn, with other actors' escalation totals summed
   * from the scores the viewer saw.
   */
  public static List<TurnRecord> history(Scenario scenario, List<TurnRecord> records, Viewer viewer) {
    List<TurnRecord> out = new ArrayList<>(records.size());
    Map<String, Integer> totals = new TreeMap<>();
    for (TurnRecord r : records) {
      TurnRecord f = filter(r, viewer, scenario);
      if (viewer.isInstructor()) {
        out.add(f);
        continue;
      }
      Map<String, Integer> scores = new HashMap<>();
      for (ActorRecord a : f.actors()) {
        scores.put(a.id(), a.escalationScore());
      }
      totals = totalsAfter(totals, r, scores, viewer);
      List<ActorRecord> actors = new ArrayList<>();
      for (ActorRecord a : f.actors()) {
        actors.add(viewer.is(a.id()) ? a : new ActorRecord(a.id(), a.alert(), a.escalationScore(),
            totals.get(a.id()), a.stability(), a.audienceCost(), a.econ(), a.reserve()));
      }
      out.add(new TurnRecord(f.turn(), f.dyads(), actors, f.events(), f.rejections(), f.defaulted(),
          f.injectsFired(), f.draws(), f.flows(), f.outcome(), f.stateDigest()));
    }
    return out;
  }

  /**
   * Each actor's escalation score in one turn as {@code viewer} was told it: summed from the events it saw
   * (so its own score is its true one; the instructor sees every true score). Summed turn by turn, these are
   * the totals {@link #history} gives ({@link #totalsAfter}).
   */
  public static SortedMap<String, Integer> seenScores(TurnRecord r, Viewer viewer) {
    Objects.requireNonNull(r, "record");
    Objects.requireNonNull(viewer, "viewer");
    if (viewer.isInstructor()) {
      SortedMap<String, Integer> out = new TreeMap<>();
      for (ActorRecord a : r.actors()) {
        out.put(a.id(), a.escalationScore());
      }
      return out;
    }
    return escalation(events(r.events(), viewer), actorIds(r));
  }

  /**
   * Each actor's escalation total after turn {@code r} as {@code viewer} was told it, from the totals after
   * the turn before ({@code before}; empty before turn 1): others' summed from the scores the viewer saw, its
   * own (the instructor: every one) the true total. This is the rule {@link #history} applies turn by turn,
   * for a caller that keeps running totals rather than filtering the whole history again.
   */
  public static SortedMap<String, Integer> totalsAfter(Map<String, Integer> before, TurnRecord r, Viewer viewer) {
    return totalsAfter(before, r, seenScores(r, viewer), viewer);
  }

  private static SortedMap<String, Integer> totalsAfter(Map<String, Integer> before, TurnRecord r,
      Map<String, Integer> seenScores, Viewer viewer) {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (ActorRecord a : r.actors()) {
      out.put(a.id(), viewer.isInstructor() || viewer.is(a.id()) ? a.escalationTotal()
          : before.getOrDefault(a.id(), 0) + seenScores.getOrDefault(a.id(), 0));
    }
    return out;
  }

  private static List<String> actorIds(TurnRecord r) {
    List<String> ids = new ArrayList<>(r.actors().size());
    for (ActorRecord a : r.actors()) {
      ids.add(a.id());
    }
    return ids;
  }

  private static TurnRecord filter(TurnRecord r, Viewer viewer, Scenario scenario) {
    Objects.requireNonNull(r, "record");
    Objects.requireNonNull(viewer, "viewer");
    if (viewer.isInstructor()) {
      return r;
    }
    List<Event> events = events(r.events(), viewer);
    SortedMap<String, Integer> es = escalation(events, actorIds(r));

    List<DyadRecord> dyads = new ArrayList<>();
    for (DyadRecord d : r.dyads()) {
      boolean own = viewer.is(d.a()) || viewer.is(d.b());
      dyads.add(own ? d : new DyadRecord(d.a(), d.b(), d.tension(), Double.NaN, Double.NaN, d.rung(),
          d.ladderGroup(), UNKNOWN, Double.NaN, d.signed(), false, false, d.relationsBroken(), d.incident()));
    }
    List<ActorRecord> actors = new ArrayList<>();
    for (ActorRecord a : r.actors()) {
      actors.add(viewer.is(a.id()) ? a : new ActorRecord(a.id(), a.alert(), es.get(a.id()), UNKNOWN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }
    List<Rejection> rejections = new ArrayList<>();
    for (Rejection x : r.rejections()) {
      if (viewer.is(x.actor())) {
        rejections.add(x);
      }
    }
    List<String> injects = new ArrayList<>();
    for (String id : r.injectsFired()) {
      if (seesInject(id, r.events(), viewer, scenario)) {
        injects.add(id);
      }
    }
    List<Draw> draws = new ArrayList<>();
    for (Draw d : r.draws()) {
      if (d.stream() == Rng.STREAM_INCIDENTS) {
        draws.add(d);
      }
    }
    return new TurnRecord(r.turn(), dyads, actors, events, rejections, r.defaulted(), injects, draws,
        flows(events, r.flows()), r.outcome(), "");
  }

  private static boolean seesInject(String id, List<Event> all, Viewer viewer, Scenario scenario) {
    if (scenario != null) {
      for (InjectDef inj : scenario.injects()) {
        if (inj.id().equals(id)) {
          switch (inj.visibility()) {
            case PUBLIC:
              return true;
            case PARTIES:
              return viewer.kind() == Viewer.Kind.ACTOR && inj.audience().contains(viewer.actorId());
            default:
              return false;
          }
        }
      }
      return false;
    }
    String actor = Event.INJECT_PREFIX + id;
    for (Event e : all) {
      if (e.actor().equals(actor) && seen(e, viewer) != null) {
        return true;
      }
    }
    return false;
  }
}
