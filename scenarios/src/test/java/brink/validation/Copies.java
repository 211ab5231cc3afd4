package brink.validation;

import brink.engine.def.ActorDef;
import brink.engine.def.DyadDef;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Copies of a scenario with some actors or dyads changed, for cases that vary the fixture. */
final class Copies {
  private Copies() {}

  static Scenario withActors(Scenario s, UnaryOperator<ActorDef> change) {
    List<ActorDef> actors = s.actors().stream().map(change).collect(Collectors.toList());
    return copy(s, actors, s.dyads());
  }

  static Scenario withDyads(Scenario s, UnaryOperator<DyadDef> change) {
    List<DyadDef> dyads = s.dyads().stream().map(change).collect(Collectors.toList());
    return copy(s, s.actors(), dyads);
  }

  static Scenario withRules(Scenario s, Rules rules) {
    return copy(s, rules, s.actors(), s.dyads());
  }

  static Scenario copy(Scenario s, List<ActorDef> actors, List<DyadDef> dyads) {
    return copy(s, s.rules(), actors, dyads);
  }

  static Scenario copy(Scenario s, Rules rules, List<ActorDef> actors, List<DyadDef> dyads) {
    return new Scenario(s.id(), s.title(), s.summary(), s.startDate(), s.turnLengthDays(), rules, actors, dyads,
        s.primaryDyads(), s.alliances(), s.pairStates(), s.regions(), s.units(), s.injects(), s.historical(),
        s.timeline(), s.objectives(), s.visibility(), s.background(), s.notes(), s.sources());
  }
}
