package brink.server.game;

import brink.server.session.IdRing;
import java.util.Arrays;

/**
 * One participant's last {@link #KEPT} request ids, each with the index of the first journal entry it made
 * (the game's {@link EntryLog}): a request retried after a restart is found here and answered, not done
 * again. The oldest id is forgotten first.
 *
 * <p>Primitive arrays, not a map of boxed keys: every request of a player lands here and stays for the next
 * 1,024, so a {@code LinkedHashMap<Long, Integer>} kept an entry, a Long and an Integer (80 bytes) per
 * request alive long enough for the young collector to copy them; this keeps 28 bytes per remembered id (the
 * id, its entry index, four table slots of the {@link IdRing}) in arrays that grow from 16 ids to 1,024 and
 * are then reused, so a request allocates nothing here. Made at a participant's first request: about 0.5 KB,
 * 28 KB at most.
 */
final class RecentRequests {
  /** Request ids remembered per participant (as many as a session remembers answers). */
  static final int KEPT = 1024;
  private static final int FIRST = 16;

  private final IdRing ids = new IdRing(FIRST, KEPT);
  /** The entry index each id made, at the id's ring position. */
  private int[] entries = new int[FIRST];

  /** The entry index the request made, or -1 if the id is not remembered. */
  int get(long id) {
    int pos = ids.find(id);
    return pos < 0 ? -1 : entries[pos];
  }

  /** Remembers that request {@code id} made the entry at {@code index}, unless the id is remembered already. */
  void putIfAbsent(long id, int index) {
    if (ids.find(id) >= 0) {
      return;
    }
    int pos = ids.add(id);
    if (entries.length < ids.length()) {
      entries = Arrays.copyOf(entries, ids.length());
    }
    entries[pos] = index;
  }

  int size() {
    return ids.size();
  }
}
