package brink.cli;

import brink.engine.Engine;
import brink.engine.def.Pair;
import brink.protocol.scenario.v1.Actor;
import brink.protocol.scenario.v1.Region;
import brink.protocol.scenario.v1.Unit;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Orders;
import brink.protocol.v1.Phase;
import brink.protocol.v1.RegionView;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.SubmissionStatus;
import brink.protocol.v1.Talks;
import brink.protocol.v1.UnitView;
import brink.scenario.Library;
import brink.scenario.LoadResult;

/**
 * Full views of a bundled scenario at its start, built from the scenario file and the engine's initial
 * state the way the server's view function does (for one player's seat; lists sorted by id), so that
 * client tests render real names, tensions, rungs, units and regions.
 */
public final class TestViews {
  /** The fixed "now" of the rendering tests: 2026-01-05T10:00:00Z. */
  public static final long NOW = 1_767_607_200_000L;

  private TestViews() {}

  /** The default scenario at turn 1, ORDERS, 4 min 12 s before the deadline, seen by {@code viewer}'s player. */
  public static GameState player(String viewer) {
    return state("eastern-flank-2022", viewer, Phase.ORDERS, 1, NOW + 252_000);
  }

  public static GameState state(String scenarioId, String viewer, Phase phase, int turn, long deadline) {
    LoadResult.Ok ok = (LoadResult.Ok) Library.bundled(scenarioId);
    brink.protocol.scenario.v1.Scenario sc = ok.proto();
    brink.engine.GameState s = Engine.initial(ok.scenario(), 1);
    GameState.Builder g = GameState.newBuilder().setGameId("TEST01").setScenarioId(sc.getId())
        .setTitle(sc.getTitle()).setSummary(sc.getSummary()).setBackground(sc.getBackground()).setPhase(phase)
        .setTurn(turn).setMaxTurns(ok.scenario().rules().maxTurns()).setTurnStartDate("2022-02-03")
        .setTurnEndDate("2022-02-09").setTurnLengthDays(7)
        .setMaxMovesPerTurn(ok.scenario().rules().maxMovesPerTurn()).setDeadlineEpochMillis(deadline)
        .setServerTimeEpochMillis(NOW).setViewerRole(viewer.isEmpty() ? Role.OBSERVER : Role.PLAYER)
        .setViewerActor(viewer).setViewerParticipantId("P1");
    java.util.List<Actor> actors = new java.util.ArrayList<>(sc.getActorList());
    actors.sort(java.util.Comparator.comparing(Actor::getId));
    for (Actor a : actors) {
      ActorView.Builder av = ActorView.newBuilder().setId(a.getId()).setName(a.getName()).setRegime(a.getRegime())
          .setNuclear(a.getNuclear()).setAlert(s.alert(a.getId())).setPublicBriefing(a.getPublicBriefing());
      if (a.getId().equals(viewer)) {
        av.setStability(s.stability(a.getId())).setEcon(s.econ(a.getId())).setReserve(s.reserve(a.getId()));
        g.setPrivateBriefing(a.getPrivateBriefing());
      }
      g.addActors(av);
      g.addSeats(SeatView.newBuilder().setActor(a.getId()).setMembers(a.getId().equals(viewer) ? 1 : 0)
          .setConnected(a.getId().equals(viewer) ? 1 : 0).setSubmission(SubmissionStatus.NOT_SUBMITTED));
    }
    for (Pair p : s.pairs()) {
      g.addDyads(DyadView.newBuilder().setA(p.a()).setB(p.b()).setTension(s.tension(p.a(), p.b()))
          .setRung(s.rung(p.a(), p.b())).setLadderGroup(s.ladderGroup(p.a(), p.b()).text().en())
          .setPrimary(s.primaryPairs().contains(p))
          .setTalks(Talks.newBuilder().setOpen(s.talksOpen(p.a(), p.b()))));
    }
    java.util.List<Region> regions = new java.util.ArrayList<>(sc.getRegionList());
    regions.sort(java.util.Comparator.comparing(Region::getId));
    for (Region r : regions) {
      g.addRegions(RegionView.newBuilder().setId(r.getId()).setName(r.getName()).setSovereign(r.getSovereign())
          .addAllFaces(r.getFacesList()).addAllBarredFor(r.getBarredForList()));
    }
    java.util.List<Unit> units = new java.util.ArrayList<>(sc.getUnitList());
    units.sort(java.util.Comparator.comparing(Unit::getId));
    for (Unit u : units) {
      g.addUnits(UnitView.newBuilder().setId(u.getId()).setOwner(u.getOwner()).setName(u.getName())
          .setSize(u.getSize()).setLocation(u.getLocation()).setOnAlert(u.getOnAlert())
          .setDescription(u.getDescription()));
    }
    if (!viewer.isEmpty()) {
      g.setOwnOrders(Orders.newBuilder().setTurn(turn).setStatus(SubmissionStatus.NOT_SUBMITTED));
    }
    return g.build();
  }
}
