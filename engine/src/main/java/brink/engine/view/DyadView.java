package brink.engine.view;

import brink.engine.Ladder;

/**
 * One dyad {a, b} (a &lt; b) as a viewer sees it (engine-model.md II-c §9). Tension and rung are true for
 * every dyad ("tension is felt: not a leak"); so are the public flags (signed, relations broken, sanctions).
 * The rung floor is not shown: a covert move sets it, and the rung already says what the ladder shows.
 * The private parts are {@code null} when the viewer is not one of the two actors: hostility in each
 * direction, talks and negotiation progress. Deployments are shown when the viewer is one of the two actors
 * or when troop moves are PUBLIC in the scenario (satellites see them), else {@code null}.
 *
 * @param own the viewer is a or b
 * @param hostilityAB H_ab (0..100), own dyads only
 * @param hostilityBA H_ba (0..100), own dyads only
 * @param deployedAB D_ab in thousands of troops
 * @param deployedBA D_ba in thousands of troops
 * @param talksOpen talks_open (II-c §7), own dyads only
 * @param talksActive both sides negotiated last turn, own dyads only
 * @param progress negotiation progress P ≥ 0, own dyads only
 */
public record DyadView(
    String a,
    String b,
    double tension,
    int rung,
    Ladder.Group ladderGroup,
    boolean signed,
    boolean relationsBroken,
    boolean sanctionsAB,
    boolean sanctionsBA,
    boolean own,
    Double hostilityAB,
    Double hostilityBA,
    Double deployedAB,
    Double deployedBA,
    Boolean talksOpen,
    Boolean talksActive,
    Double progress) {

  public boolean contains(String actor) {
    return a.equals(actor) || b.equals(actor);
  }

  /** The other actor of the dyad. */
  public String other(String actor) {
    return a.equals(actor) ? b : a;
  }

  /** H of {@code from} toward the other actor, or null when hidden from this viewer. */
  public Double hostilityFrom(String from) {
    return a.equals(from) ? hostilityAB : hostilityBA;
  }

  /** D of {@code from} toward the other actor, or null when hidden from this viewer. */
  public Double deployedFrom(String from) {
    return a.equals(from) ? deployedAB : deployedBA;
  }
}
