package brink.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.engine.def.Effect;
import brink.engine.def.InjectDef;
import brink.engine.def.Scenario;
import brink.protocol.scenario.v1.DyadChange;
import brink.protocol.scenario.v1.Inject;
import brink.protocol.scenario.v1.Text;
import brink.protocol.v1.InjectEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveScenarioTest {
  static final Scenario S = TestGames.eastern();

  static InjectEntry custom(int turn, String id) {
    return InjectEntry.newBuilder().setTurn(turn).setCustom(Inject.newBuilder().setId(id).setTurn(9)
        .setHeadline(Text.newBuilder().setEn("h " + id))
        .addEffect(brink.protocol.scenario.v1.Effect.newBuilder()
            .setHostility(DyadChange.newBuilder().setFrom("rus").setTo("ukr").setDelta(2.5)))).build();
  }

  @Test
  void of_botsOverrideDefaultBotOfNamedActorsOnly() {
    Scenario e = EffectiveScenario.of(S, Map.of("rus", "hawk", "nobody", "dove"), List.of());
    assertThat(e.actors()).extracting(a -> a.id() + "=" + a.defaultBot())
        .containsExactly("rus=hawk", "blr=historical", "ukr=historical", "usa=historical", "nato=historical");
    assertThat(e.actors().get(0).privateBriefing()).isEqualTo(S.actors().get(0).privateBriefing());
    assertThat(e.injects()).isEqualTo(S.injects());
  }

  @Test
  void of_scriptedInjectFiredByInstructor_becomesFixedOnThatTurnInPlace() {
    InjectEntry early = InjectEntry.newBuilder().setTurn(2).setScriptedId("embassies-leave").build();
    Scenario e = EffectiveScenario.of(S, Map.of(), List.of(early));
    assertThat(e.injects()).extracting(InjectDef::id).containsExactlyElementsOf(
        S.injects().stream().map(InjectDef::id).toList());
    InjectDef d = e.injects().stream().filter(x -> x.id().equals("embassies-leave")).findFirst().orElseThrow();
    assertThat(d.turn()).isEqualTo(2);
    assertThat(d.when()).isNull();
    assertThat(S.injects().stream().filter(x -> x.id().equals("embassies-leave")).findFirst().orElseThrow().when())
        .isNotNull();
  }

  @Test
  void of_customInjects_appendedWithTheirTurnAndAnUnusedId() {
    Scenario e = EffectiveScenario.of(S, Map.of(),
        List.of(custom(2, ""), custom(3, "maxar-images"), custom(3, "my-own"), custom(4, "instructor-1")));
    List<InjectDef> added = e.injects().subList(S.injects().size(), e.injects().size());
    // "" and a clash with a scenario id get instructor-<rank>; an unused id is kept; a clash with a
    // generated id is bumped.
    assertThat(added).extracting(InjectDef::id)
        .containsExactly("instructor-1", "instructor-2", "my-own", "instructor-4");
    assertThat(added).extracting(InjectDef::turn).containsExactly(2, 3, 3, 4);
    assertThat(added).allSatisfy(d -> {
      assertThat(d.when()).isNull();
      assertThat(d.effects()).containsExactly(new Effect.Hostility("rus", "ukr", 2.5));
    });
    assertThat(added.get(0).headline().en()).isEqualTo("h ");
  }

  @Test
  void of_unknownScriptedId_isRefusedWithItsName() {
    InjectEntry bad = InjectEntry.newBuilder().setTurn(1).setScriptedId("nope").build();
    assertThatThrownBy(() -> EffectiveScenario.of(S, Map.of(), List.of(bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'");
  }
}
