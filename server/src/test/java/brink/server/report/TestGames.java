package brink.server.report;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnResult;
import brink.engine.def.ActorDef;
import brink.engine.def.HistoricalMove;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.Scenario;
import brink.protocol.v1.DefaultedSeat;
import brink.protocol.v1.GameCreatedEntry;
import brink.protocol.v1.InjectEntry;
import brink.protocol.v1.InstructorAction;
import brink.protocol.v1.InstructorActionEntry;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.MessageEntry;
import brink.protocol.v1.OrdersEntry;
import brink.protocol.v1.TurnResolvedEntry;
import brink.scenario.ScenarioConverter;
import com.google.protobuf.ByteString;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default scenario, and an oracle game that plays it straight through the engine (as a live server
 * would: one state, injects entering the scenario) while writing the journal a server would write.
 */
final class TestGames {
  static final String DEFAULT_ID = "eastern-flank-2022";
  private static String text;
  private static Scenario scenario;

  private TestGames() {}

  static synchronized String easternText() {
    if (text == null) {
      String path = "brink/scenarios/library/" + DEFAULT_ID + ".txtpb";
      try (InputStream in = TestGames.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException(path + " is not on the test classpath (module scenarios packages it)");
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text;
  }

  static synchronized Scenario eastern() {
    if (scenario == null) {
      brink.protocol.scenario.v1.Scenario.Builder b = brink.protocol.scenario.v1.Scenario.newBuilder();
      try {
        TextFormat.merge(easternText(), b);
      } catch (TextFormat.ParseException e) {
        throw new IllegalStateException("the default scenario does not parse", e);
      }
      scenario = ScenarioConverter.toEngine(b.build());
    }
    return scenario;
  }

  /** The historical moves of an actor in a turn, file order. */
  static List<Move> historical(Scenario s, int turn, String actor) {
    List<Move> out = new ArrayList<>();
    for (HistoricalMove h : s.historical()) {
      if (h.turn() == turn && h.actor().equals(actor)) {
        out.add(h.move());
      }
    }
    return out;
  }

  /** Every actor passive: silent seats wait (the bot every engine build knows). */
  static Map<String, String> allPassive(Scenario s) {
    Map<String, String> bots = new TreeMap<>();
    s.actors().forEach(a -> bots.put(a.id(), "passive"));
    return bots;
  }

  /** An oracle game writing its journal. */
  static final class Game {
    final String gameId;
    final Scenario base;
    final long seed;
    final Map<String, String> bots;
    final List<JournalEntry> entries = new ArrayList<>();
    final List<TurnResult> results = new ArrayList<>();
    final List<GameState> states = new ArrayList<>();
    private final List<Orders> played = new ArrayList<>();
    private final List<InjectDef> extra = new ArrayList<>();
    private final Map<String, Integer> moved = new TreeMap<>();
    private Scenario current;
    private GameState state;
    private final TreeMap<String, List<Move>> pending = new TreeMap<>();
    private long clock = 1_650_000_000_000L;
    private long messageId;

    Game(String gameId, Scenario base, long seed, Map<String, String> bots) {
      this.gameId = gameId;
      this.base = base;
      this.seed = seed;
      this.bots = new TreeMap<>(bots);
      this.current = scenarioWith(List.of());
      this.state = Engine.initial(current, seed);
      states.add(state);
      add(JournalEntry.newBuilder().setGameCreated(GameCreatedEntry.newBuilder()
          .setScenarioText(easternText())
          .setScenarioId(base.id())
          .setSeed(seed)
          .putAllBots(bots)
          .setServer("test")));
    }

    int nextTurn() {
      return state.turn() + 1;
    }

    GameState state() {
      return state;
    }

    Game orders(String actor, Move... moves) {
      return orders(actor, List.of(moves));
    }

    Game orders(String actor, List<Move> moves) {
      OrdersEntry.Builder o = OrdersEntry.newBuilder()
          .setParticipantId("p-" + actor)
          .setActor(actor)
          .setTurn(nextTurn())
          .setWait(moves.isEmpty());
      moves.forEach(m -> o.addMoves(ProtoMapping.move(m)));
      add(JournalEntry.newBuilder().setOrders(o));
      pending.put(actor, List.copyOf(moves));
      return this;
    }

    Game message(String from, String text, String... to) {
      add(JournalEntry.newBuilder().setMessage(MessageEntry.newBuilder()
          .setMessageId(++messageId)
          .setTurn(nextTurn())
          .setFromActor(from)
          .setFromParticipantId("p-" + from)
          .setFromName("team " + from)
          .addAllTo(List.of(to))
          .setText(text)));
      return this;
    }

    /** The instructor's own inject; {@code asFired} is how it must enter the scenario (id, turn, effects). */
    Game customInject(brink.protocol.scenario.v1.Inject custom, InjectDef asFired) {
      add(JournalEntry.newBuilder().setInject(InjectEntry.newBuilder()
          .setTurn(nextTurn())
          .setCustom(custom)
          .setByParticipantId("instructor")));
      extra.add(asFired);
      rebuild();
      return this;
    }

    private void rebuild() {
      current = scenarioWith(extra);
      GameState s = Engine.initial(current, seed);
      for (Orders o : played) {
        s = Engine.resolve(s, o).next();
      }
      state = s;
    }

    /** The instructor fires one of the scenario's injects now: it enters the scenario fixed on this turn. */
    Game scriptedInject(String id) {
      add(JournalEntry.newBuilder().setInject(InjectEntry.newBuilder()
          .setTurn(nextTurn())
          .setScriptedId(id)
          .setByParticipantId("instructor")));
      moved.put(id, nextTurn());
      rebuild();
      return this;
    }

    Game action(InstructorAction action, String reason) {
      add(JournalEntry.newBuilder().setInstructorAction(InstructorActionEntry.newBuilder()
          .setAction(action)
          .setTurn(state.turn())
          .setByParticipantId("instructor")
          .setReason(reason)));
      return this;
    }

    /** Resolves the turn with the engine and journals it as a server would. */
    TurnResult resolve() {
      Orders.Builder b = Orders.builder();
      pending.forEach(b::submit);
      Orders orders = b.build();
      pending.clear();
      TurnResult r = Engine.resolve(state, orders);
      TurnResolvedEntry.Builder e = TurnResolvedEntry.newBuilder()
          .setTurn(r.record().turn())
          .setStateDigest(ByteString.copyFrom(HexFormat.of().parseHex(r.record().stateDigest())))
          .setOutcome(ProtoMapping.outcome(r.record().outcome()));
      r.record().defaulted().forEach((actor, bot) ->
          e.addDefaulted(DefaultedSeat.newBuilder().setActor(actor).setBot("silent".equals(bot) ? "" : bot)));
      for (String id : r.record().injectsFired()) {
        if (base.injects().stream().anyMatch(d -> d.id().equals(id))) {
          e.addFiredInjects(id);
        }
      }
      add(JournalEntry.newBuilder().setTurnResolved(e));
      played.add(orders);
      results.add(r);
      state = r.next();
      states.add(state);
      return r;
    }

    /** Every seat plays its historical moves (WAIT when it has none), then the turn resolves. */
    TurnResult resolveHistorical() {
      for (ActorDef a : base.actors()) {
        orders(a.id(), historical(base, nextTurn(), a.id()));
      }
      return resolve();
    }

    private void add(JournalEntry.Builder e) {
      entries.add(e.setGameId(gameId).setRecordedAtEpochMillis(clock += 1000).build());
    }

    /** The base scenario with the journal's bots and the given injects appended, built by hand. */
    private Scenario scenarioWith(List<InjectDef> injects) {
      List<ActorDef> actors = new ArrayList<>();
      for (ActorDef a : base.actors()) {
        String bot = bots.getOrDefault(a.id(), a.defaultBot());
        actors.add(new ActorDef(a.id(), a.name(), a.regime(), a.nuclear(), a.alert(), bot, a.publicBriefing(),
            a.privateBriefing(), a.stability(), a.econ(), a.reserve(), a.audienceCost()));
      }
      List<InjectDef> all = new ArrayList<>();
      for (InjectDef d : base.injects()) {
        Integer turn = moved.get(d.id());
        all.add(turn == null ? d : new InjectDef(d.id(), turn, null, d.headline(), d.body(), d.source(),
            d.visibility(), d.audience(), d.effects()));
      }
      all.addAll(injects);
      return new Scenario(base.id(), base.title(), base.summary(), base.startDate(), base.turnLengthDays(),
          base.rules(), actors, base.dyads(), base.primaryDyads(), base.alliances(), base.pairStates(),
          base.regions(), base.units(), all, base.historical(), base.timeline(), base.objectives(),
          base.visibility(), base.background(), base.notes(), base.sources());
    }
  }
}
