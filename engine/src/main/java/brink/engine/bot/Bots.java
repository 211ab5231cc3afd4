package brink.engine.bot;

import brink.engine.GameState;
import brink.engine.def.Move;
import brink.engine.view.ActorView;
import brink.engine.view.Views;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The doctrines of engine-model.md Part II-b "Bots" with the ordered rules of II-c §11: {@code passive},
 * {@code historical}, {@code dove}, {@code hawk} and {@code tit-for-tat}. Every bot reads only its seat's
 * {@link ActorView}, offers its rules' moves in order, keeps a move only if the seat's submit-time check
 * accepts it with those already kept, and stops at {@code max_moves_per_turn}. Ties are broken by actor id
 * (then unit id, then region id).
 */
public final class Bots {
  /** Doctrine names, in the order they are listed to users. */
  public static final List<String> NAMES = List.of("passive", "historical", "dove", "hawk", "tit-for-tat");

  private static final List<Bot> ALL = List.of(new PassiveBot(), new HistoricalBot(), new DoveBot(),
      new HawkBot(), new TitForTatBot());

  private Bots() {}

  /**
   * The bot of a doctrine name (case and surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the valid doctrines when the name is not one of them
   */
  public static Bot byName(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Bot b : ALL) {
      if (b.name().equals(key)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown bot '" + name + "'; valid bots are: " + String.join(", ", NAMES));
  }

  /** True when {@code name} names a doctrine. */
  public static boolean isValid(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return NAMES.contains(key);
  }

  /**
   * The moves doctrine {@code botName} plays for {@code actor} on the turn after {@code s}: the bot sees only
   * {@link Views#actor(GameState, String)} and draws from stream 2 + rank(actor) at turn {@code s.turn() + 1}
   * (II-c §8).
   */
  public static List<Move> play(GameState s, String actor, String botName) {
    Objects.requireNonNull(s, "state");
    Bot bot = byName(botName);
    ActorView view = Views.actor(s, actor);
    return bot.orders(view, new BotRandom(s.seed(), s.rank(actor), s.turn() + 1));
  }

  // ------------------------------------------------------------------ helpers shared by the doctrines

  /** The actor's partners in descending tension, ties by id. */
  static List<String> partnersByTension(ActorView v, List<String> among) {
    List<String> out = new ArrayList<>(among);
    out.sort(Comparator.comparingDouble((String j) -> -v.tensionWith(j)).thenComparing(j -> j));
    return out;
  }

  /** The partner with the highest tension (ties by id), or null when there is none. */
  static String highestTension(ActorView v, List<String> among) {
    List<String> sorted = partnersByTension(v, among);
    return sorted.isEmpty() ? null : sorted.get(0);
  }

  /** Partners outside the actor's alliances: its rivals. */
  static List<String> rivals(ActorView v) {
    List<String> out = new ArrayList<>();
    for (String j : v.partners()) {
      if (!v.allies().contains(j)) {
        out.add(j);
      }
    }
    return out;
  }
}
