package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import brink.engine.def.Effect;
import brink.engine.def.InjectDef;
import brink.engine.def.Regime;
import brink.engine.def.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injects an instructor fires by hand: {@link Engine#resolve(GameState, Orders, BotPlayer, List)}. */
class InstructorInjectTest {
  private static final InjectDef SCHEDULED = new InjectDef("news", 3, null, null, null, "", Visibility.PUBLIC,
      List.of(), List.of(new Effect.Hostility("x", "y", 5)));

  private static GameState start() {
    ScenarioBuilder b = new ScenarioBuilder("hand")
        .actor("x", Regime.DEMOCRACY, false, 5, 0)
        .actor("y", Regime.DEMOCRACY, false, 5, 0)
        .dyad("x", "y", 30, 0.1, 0.1, 1)
        .dyad("y", "x", 30, 0.1, 0.1, 1)
        .primary("x", "y")
        .inject(SCHEDULED);
    b.rules.incidentPMax(0).maxTurns(0);
    return Engine.initial(b.build(), 7L);
  }

  @Test
  void resolve_customInject_firesNowAsAnEventOfItsPseudoActor() {
    InjectDef custom = new InjectDef("instructor-1", 0, null, null, null, "", Visibility.PUBLIC, List.of(),
        List.of(new Effect.Hostility("y", "x", 8)));
    GameState s = start();
    TurnResult plain = Engine.resolve(s, Orders.none());
    TurnResult fired = Engine.resolve(s, Orders.none(), DefaultBots.INSTANCE, List.of(custom));

    assertThat(fired.record().injectsFired()).containsExactly("instructor-1");
    assertThat(fired.record().events()).filteredOn(Event::fromInject)
        .extracting(Event::actor).containsExactly("inject:instructor-1");
    assertThat(fired.next().hostility("y", "x")).isCloseTo(plain.next().hostility("y", "x") + 8, within(1e-9));
    assertThat(fired.next().digest()).isNotEqualTo(plain.next().digest());
  }

  @Test
  void resolve_scriptedInjectFiredEarly_firesOnceAndLeavesTheSchedule() {
    GameState s = start();
    TurnResult early = Engine.resolve(s, Orders.none(), DefaultBots.INSTANCE, List.of(SCHEDULED));
    assertThat(early.record().injectsFired()).containsExactly("news");
    assertThat(early.next().injectFired("news")).isTrue();

    GameState t2 = Engine.resolve(early.next(), Orders.none()).next();
    TurnResult turn3 = Engine.resolve(t2, Orders.none());
    assertThat(turn3.record().injectsFired()).as("already fired by hand on turn 1").isEmpty();
  }

  @Test
  void resolve_scriptedInjectFiredOnItsOwnTurn_firesOnlyOnce() {
    GameState s = start();
    GameState t2 = Engine.resolve(Engine.resolve(s, Orders.none()).next(), Orders.none()).next();
    TurnResult both = Engine.resolve(t2, Orders.none(), DefaultBots.INSTANCE, List.of(SCHEDULED));
    assertThat(both.record().injectsFired()).containsExactly("news");
    assertThat(both.record().events()).filteredOn(Event::fromInject).hasSize(1);
  }

  @Test
  void resolve_withNoHandInjects_isTheSameAsTheThreeArgumentResolve() {
    GameState s = start();
    assertThat(Engine.resolve(s, Orders.none(), DefaultBots.INSTANCE, List.of()).record())
        .isEqualTo(Engine.resolve(s, Orders.none()).record());
  }
}
