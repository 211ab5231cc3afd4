package brink.validation;

import static brink.validation.Fixture.BLR;
import static brink.validation.Fixture.NATO;
import static brink.validation.Fixture.RUS;
import static brink.validation.Fixture.UKR;
import static brink.validation.Fixture.USA;
import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.BotPlayer;
import brink.engine.Draw;
import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.Rejection;
import brink.engine.RejectionReason;
import brink.engine.Rng;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.ActorDef;
import brink.engine.def.DyadDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Pair;
import brink.engine.def.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Part III D cases on the feb2022-abstract fixture: the engine's invariants. */
class InvariantValidationTest {

  /** A busy script: threats, troops, talks, aid, a covert cyber attack and alert moves. */
  private static Orders busy(int turn) {
    Map<String, List<Move>> m = new LinkedHashMap<>();
    switch (turn % 3) {
      case 1:
        m.put(RUS, List.of(Move.toward(MoveType.THREATEN_FORCE, UKR), Move.troops(MoveType.DEPLOY_TROOPS, UKR, 20),
            Move.toward(MoveType.CYBER_ATTACK, UKR)));
        m.put(USA, List.of(Move.toward(MoveType.MILITARY_AID, UKR), Move.toward(MoveType.THREATEN_SANCTIONS, RUS)));
        m.put(UKR, List.of(Move.toward(MoveType.PROPOSE_TALKS, RUS), Move.of(MoveType.RAISE_ALERT)));
        break;
      case 2:
        m.put(RUS, List.of(Move.toward(MoveType.NEGOTIATE, UKR), Move.toward(MoveType.CYBER_ATTACK, NATO)));
        m.put(UKR, List.of(Move.toward(MoveType.NEGOTIATE, RUS), Move.toward(MoveType.CRITICIZE, BLR)));
        m.put(NATO, List.of(Move.toward(MoveType.IMPOSE_SANCTIONS, RUS)));
        break;
      default:
        m.put(RUS, List.of(Move.troops(MoveType.WITHDRAW_TROOPS, UKR, 15), Move.of(MoveType.LOWER_ALERT)));
        m.put(BLR, List.of(Move.toward(MoveType.MILITARY_EXERCISE, UKR)));
        m.put(USA, List.of(Move.toward(MoveType.HOTLINE_CALL, RUS)));
        break;
    }
    return Fixture.everyoneWaits(m);
  }

  private static List<TurnRecord> busyGame(Scenario s, long seed) {
    return Fixture.records(Engine.initial(s, seed), 12, InvariantValidationTest::busy);
  }

  private static Scenario withIncidents() {
    return Fixture.withRules(r -> r.incidentPMax(0.25).warThreshold(101));
  }

  private static List<String> digests(List<TurnRecord> records) {
    return records.stream().map(TurnRecord::stateDigest).collect(Collectors.toList());
  }

  @Test
  void D1_sameSeedAndOrdersGiveAByteIdenticalHistory() {
    List<TurnRecord> a = busyGame(withIncidents(), 42L);
    List<TurnRecord> b = busyGame(withIncidents(), 42L);
    assertThat(a).hasSize(12);
    assertThat(digests(a)).isEqualTo(digests(b));
    assertThat(a).isEqualTo(b);
    assertThat(a.stream().flatMap(r -> r.draws().stream()).filter(d -> d.stream() == Rng.STREAM_COVERT))
        .as("covert draws happened").isNotEmpty();
  }

  @Test
  void D1_theDigestIsLocaleIndependent() {
    Locale saved = Locale.getDefault();
    List<TurnRecord> root;
    List<TurnRecord> french;
    try {
      Locale.setDefault(Locale.ROOT);
      root = busyGame(withIncidents(), 42L);
      Locale.setDefault(Locale.FRANCE);
      french = busyGame(withIncidents(), 42L);
    } finally {
      Locale.setDefault(saved);
    }
    assertThat(digests(french)).isEqualTo(digests(root));
    assertThat(french).isEqualTo(root);
  }

  /** A record with every value drawn from a stream, and the digest that covers the seed, blanked. */
  private static TurnRecord withoutDraws(TurnRecord r) {
    List<Draw> draws = r.draws().stream().map(d -> new Draw(d.stream(), d.index(), 0, d.subject(), false))
        .collect(Collectors.toList());
    List<brink.engine.Event> events = r.events().stream().map(e -> new brink.engine.Event(e.actor(), e.type(),
        e.target(), e.targetB(), e.unit(), e.region(), e.cameo(), e.goldstein(), e.magnitude(), e.verbal(),
        e.esPoints(), e.visibility(), false, e.parties(), e.effect(), e.quantity())).collect(Collectors.toList());
    return new TurnRecord(r.turn(), r.dyads(), r.actors(), events, r.rejections(), r.defaulted(), r.injectsFired(),
        draws, r.flows(), r.outcome(), "");
  }

  @Test
  void D1_aDifferentSeedChangesOnlyDrawnValues() {
    // Without incidents, a different seed changes the draws (and covert detections) but nothing else.
    List<TurnRecord> a = busyGame(Fixture.scenario(), 1L);
    List<TurnRecord> b = busyGame(Fixture.scenario(), 2L);
    assertThat(a.get(0).draws()).isNotEqualTo(b.get(0).draws());
    assertThat(a.stream().map(InvariantValidationTest::withoutDraws).collect(Collectors.toList()))
        .isEqualTo(b.stream().map(InvariantValidationTest::withoutDraws).collect(Collectors.toList()));
    // With incidents the drawn values decide incidents, so the outcome may differ; the draw schedule does not.
    List<TurnRecord> c = busyGame(withIncidents(), 1L);
    List<TurnRecord> d = busyGame(withIncidents(), 2L);
    for (int t = 0; t < Math.min(c.size(), d.size()); t++) {
      assertThat(c.get(t).draws()).extracting(Draw::stream, Draw::index)
          .isEqualTo(d.get(t).draws().stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.stream(), x.index()))
              .collect(Collectors.toList()));
    }
  }

  @Test
  void D2_actorAndMoveOrderDoNotMatter() {
    Scenario s = Fixture.withRules(r -> r.incidentPMax(0.25));
    List<ActorDef> actors = new ArrayList<>(s.actors());
    List<DyadDef> dyads = new ArrayList<>(s.dyads());
    Collections.reverse(actors);
    Collections.shuffle(dyads, new Random(5));
    Scenario shuffled = Copies.copy(s, actors, dyads);
    Random random = new Random(9);
    IntFunction<Orders> shuffledOrders = t -> {
      Orders o = busy(t);
      List<String> order = new ArrayList<>(o.byActor().keySet());
      Collections.shuffle(order, random);
      Orders.Builder b = Orders.builder();
      for (String actor : order) {
        List<Move> moves = new ArrayList<>(o.of(actor));
        Collections.shuffle(moves, random);
        b.submit(actor, moves);
      }
      return b.build();
    };
    List<TurnRecord> a = busyGame(s, 7L);
    List<TurnRecord> b = Fixture.records(Engine.initial(shuffled, 7L), 12, shuffledOrders);
    assertThat(digests(b)).isEqualTo(digests(a));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void D4_boundsHoldUnderRandomOrders() {
    MoveType[] types = MoveType.values();
    List<String> actors = Fixture.ACTORS;
    int games = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Random random = new Random(seed);
      Scenario s = Fixture.withRules(r -> r.incidentPMax(0.5).maxTurns(30));
      GameState state = Engine.initial(s, seed);
      for (int t = 1; t <= 30 && !state.isOver(); t++) {
        Orders.Builder b = Orders.builder();
        for (String actor : actors) {
          List<Move> moves = new ArrayList<>();
          int count = random.nextInt(4);
          for (int k = 0; k < count; k++) {
            MoveType type = types[random.nextInt(types.length)];
            // Force moves end the game at once; keep them rare so games run long.
            if ((type == MoveType.INVADE || type == MoveType.LIMITED_STRIKE || type == MoveType.NUCLEAR_USE)
                && random.nextInt(20) != 0) {
              type = MoveType.CRITICIZE;
            }
            String target = actors.get(random.nextInt(actors.size()));
            String other = actors.get(random.nextInt(actors.size()));
            double q = random.nextInt(5) == 0 ? -1 : random.nextDouble() * 120;
            moves.add(new Move(type, target, type == MoveType.MEDIATE ? other : "", "", "", q));
          }
          b.submit(actor, moves);
        }
        state = Engine.resolve(state, b.build()).next();
        assertBounds(state);
      }
      games++;
    }
    assertThat(games).isEqualTo(60);
  }

  private static void assertBounds(GameState s) {
    for (String i : s.actorIds()) {
      assertThat(s.alert(i)).isBetween(1, 5);
      assertThat(s.stability(i)).isBetween(0.0, 100.0);
      assertThat(s.audienceCost(i)).isGreaterThanOrEqualTo(0.0);
      assertThat(s.reserve(i)).isGreaterThanOrEqualTo(0.0);
      for (String j : s.partners(i)) {
        assertThat(s.hostility(i, j)).isBetween(0.0, 100.0);
        assertThat(s.trust(i, j)).isBetween(0.0, 1.0);
        assertThat(s.deployed(i, j)).isGreaterThanOrEqualTo(0.0);
      }
    }
    for (Pair p : s.pairs()) {
      assertThat(s.progress(p.a(), p.b())).isGreaterThanOrEqualTo(0.0);
      assertThat(s.rung(p.a(), p.b())).isBetween(0, 44);
    }
  }

  @Test
  void D5_exactlyOneIncidentDrawPerDyadPerTurn() {
    Scenario s = withIncidents();
    List<TurnRecord> records = busyGame(s, 11L);
    for (TurnRecord r : records) {
      List<Draw> incidents = r.draws().stream().filter(d -> d.stream() == Rng.STREAM_INCIDENTS)
          .collect(Collectors.toList());
      assertThat(incidents).hasSize(4);
      for (int k = 0; k < incidents.size(); k++) {
        assertThat(incidents.get(k).index()).isEqualTo(k);
        assertThat(incidents.get(k).value()).isEqualTo(Rng.u(11L, Rng.STREAM_INCIDENTS, r.turn(), k));
      }
      assertThat(incidents).extracting(Draw::subject)
          .containsExactly("blr-ukr", "nato-rus", "rus-ukr", "rus-usa");
    }
  }

  @Test
  void D5_addingANonRandomMoveNeverShiftsLaterDraws() {
    Scenario s = withIncidents();
    List<TurnRecord> quiet = Fixture.records(Engine.initial(s, 11L), 12, t -> Fixture.allWait());
    List<TurnRecord> louder = Fixture.records(Engine.initial(s, 11L), 12, t -> t == 1
        ? Fixture.everyoneWaits(Map.of(USA, List.of(Move.toward(MoveType.CRITICIZE, RUS),
            Move.toward(MoveType.CYBER_ATTACK, RUS))))
        : Fixture.allWait());
    int turns = Math.min(quiet.size(), louder.size());
    assertThat(turns).isGreaterThan(3);
    for (int t = 0; t < turns; t++) {
      List<Double> a = quiet.get(t).draws().stream().filter(d -> d.stream() == Rng.STREAM_INCIDENTS)
          .map(Draw::value).collect(Collectors.toList());
      List<Double> b = louder.get(t).draws().stream().filter(d -> d.stream() == Rng.STREAM_INCIDENTS)
          .map(Draw::value).collect(Collectors.toList());
      assertThat(b).as("turn %d", t + 1).isEqualTo(a);
    }
  }

  @Test
  void D6_submittedWaitIsTheSameAsAnEmptyList() {
    GameState s = Fixture.start();
    Orders waits = Orders.builder().submit(RUS, Move.of(MoveType.WAIT)).submit(UKR).submit(USA)
        .submit(NATO).submit(BLR).build();
    TurnResult a = Engine.resolve(s, waits);
    TurnResult b = Engine.resolve(s, Fixture.allWait());
    assertThat(a.record()).isEqualTo(b.record());
    assertThat(a.record().actor(RUS).escalationScore()).isZero();
    assertThat(a.record().events()).isEmpty();
    assertThat(a.record().defaulted()).isEmpty();
  }

  @Test
  void D6_aSeatThatNeverSubmittedIsPlayedByItsDefaultBot() {
    GameState s = Fixture.start();
    TurnResult absent = Engine.resolve(s, Orders.builder().submit(RUS).submit(UKR).submit(USA).build());
    assertThat(absent.record().defaulted()).containsExactly(Map.entry(BLR, "passive"), Map.entry(NATO, "passive"));
    assertThat(absent.next().digest()).isEqualTo(Engine.resolve(s, Fixture.allWait()).next().digest());

    // The hook gets the state, the seat and its bot name; its moves are validated like a submission.
    List<String> calls = new ArrayList<>();
    BotPlayer recording = (state, actor, bot) -> {
      calls.add(actor + "=" + bot + "@" + state.turn());
      return actor.equals(NATO)
          ? List.of(Move.toward(MoveType.CRITICIZE, RUS), Move.toward(MoveType.CRITICIZE, UKR))
          : List.of();
    };
    TurnResult played = Engine.resolve(s, Orders.builder().submit(RUS).submit(UKR).submit(USA).build(), recording);
    assertThat(calls).containsExactly("blr=passive@0", "nato=passive@0");
    assertThat(played.record().events()).extracting(e -> e.actor() + ">" + e.target()).containsExactly("nato>rus");
    assertThat(played.record().rejections()).extracting(Rejection::actor, Rejection::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(NATO, RejectionReason.NO_DYAD));

    Scenario silent = Fixture.withRules(r -> r.silentSeatsWait(true));
    TurnResult quiet = Engine.resolve(Engine.initial(silent, 1L), Orders.none(), recording);
    assertThat(quiet.record().defaulted()).containsOnlyKeys(Fixture.ACTORS).containsValue("silent");
    assertThat(quiet.record().events()).isEmpty();
  }

  @Test
  void D7_invalidMovesAreRejectedAndLoggedWithNoPartialEffects() {
    GameState s = Fixture.start();
    // A per-move failure rejects only that move.
    TurnResult mixed = Engine.resolve(s, Fixture.everyoneWaits(Map.of(UKR, List.of(
        Move.toward(MoveType.CRITICIZE, RUS), Move.toward(MoveType.NUCLEAR_THREAT, RUS),
        Move.troops(MoveType.WITHDRAW_TROOPS, RUS, 5)))));
    TurnResult clean = Engine.resolve(s, Fixture.everyoneWaits(Map.of(UKR, List.of(
        Move.toward(MoveType.CRITICIZE, RUS)))));
    assertThat(mixed.record().rejections()).extracting(Rejection::reason)
        .containsExactlyInAnyOrder(RejectionReason.NOT_NUCLEAR, RejectionReason.NOT_ENOUGH_DEPLOYED);
    assertThat(mixed.next().digest()).isNotEqualTo(clean.next().digest());
    // NOT_ENOUGH_DEPLOYED rejects the whole submission: nothing of UKR's acts.
    assertThat(mixed.next().digest()).isEqualTo(Engine.resolve(s, Fixture.allWait()).next().digest());
    assertThat(mixed.record().actor(UKR).escalationScore()).isZero();

    TurnResult perMove = Engine.resolve(s, Fixture.everyoneWaits(Map.of(UKR, List.of(
        Move.toward(MoveType.CRITICIZE, RUS), Move.toward(MoveType.NUCLEAR_THREAT, RUS)))));
    assertThat(perMove.record().rejections()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.NOT_NUCLEAR);
      assertThat(r.move()).isEqualTo(Move.toward(MoveType.NUCLEAR_THREAT, RUS));
      assertThat(r.detail()).isNotBlank();
    });
    assertThat(perMove.next().digest()).isEqualTo(clean.next().digest());
    assertThat(perMove.record().events()).isEqualTo(clean.record().events());

    // A whole-submission failure: four moves with the limit at three.
    TurnResult tooMany = Engine.resolve(s, Fixture.everyoneWaits(Map.of(RUS, List.of(
        Move.toward(MoveType.CRITICIZE, UKR), Move.toward(MoveType.CRITICIZE, USA),
        Move.toward(MoveType.CRITICIZE, NATO), Move.toward(MoveType.CRITICIZE, BLR)))));
    assertThat(tooMany.record().rejections()).extracting(Rejection::reason)
        .contains(RejectionReason.TOO_MANY_MOVES);
    assertThat(tooMany.record().rejections()).filteredOn(Rejection::wholeSubmission).isNotEmpty();
    assertThat(tooMany.next().digest()).isEqualTo(Engine.resolve(s, Fixture.allWait()).next().digest());
    assertThat(new TreeMap<>(tooMany.record().defaulted())).isEmpty();
  }
}
