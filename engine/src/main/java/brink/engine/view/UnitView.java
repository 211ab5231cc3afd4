package brink.engine.view;

/**
 * A unit as a viewer sees it: every unit of the viewer's own actor, and other actors' units that stand in a
 * region facing someone when troop moves are visible to the viewer (deployments are PUBLIC by default:
 * satellites see them). Units in rear areas are seen by their owner only.
 *
 * @param size soldiers
 * @param location region id
 */
public record UnitView(String id, String owner, int size, String location, boolean onAlert) {}
