package brink.server.game;

import java.util.Arrays;

/**
 * One participant's last {@link #KEPT} request ids, each with the index of the first journal entry it made
 * (the game's {@link EntryLog}): a request retried after a restart is found here and answered, not done
 * again. The oldest id is forgotten first.
 *
 * <p>Primitive arrays, not a map of boxed keys: every request of a player lands here and stays for the next
 * 1,024, so a {@code LinkedHashMap<Long, Integer>} kept an entry, a Long and an Integer (80 bytes) per
 * request alive long enough for the young collector to copy them; this keeps 28 bytes per remembered id (the
 * id, its entry index, four table slots) in arrays that grow from 16 ids to 1,024 and are then reused, so
 * a request allocates nothing here. Made at a participant's first request: about 0.5 KB, 28 KB at most.
 *
 * <p>Ids are found through an open-addressing table of ring positions (linear probing). A forgotten id's
 * slot is not cleared: the ring position it names now holds another id, so a lookup passes over it; the
 * table is rebuilt from the ring after as many insertions as the ring holds, so it is never more than half
 * full.
 */
final class RecentRequests {
  /** Request ids remembered per participant (as many as a session remembers answers). */
  static final int KEPT = 1024;
  private static final int FIRST = 16;

  /** The ring: ids and the entry index each made; {@code size} of them, the oldest at {@code oldest}. */
  private long[] ids = new long[FIRST];
  private int[] entries = new int[FIRST];
  private int size;
  private int oldest;
  /** Ring position + 1 per slot (0 = empty); four slots per ring position. */
  private int[] table = new int[4 * FIRST];
  private int insertedSinceRebuild;
  /**
   * The greatest id ever put (unsigned, as protobuf's uint64; 0, the least, before any): clients number their
   * requests upwards, so most lookups are of a new id above it, answered without probing the table (whose
   * cold slots were 1 to 8 % of a peak run's Java samples).
   */
  private long highest;

  /** The entry index the request made, or -1 if the id is not remembered. */
  int get(long id) {
    if (size == 0 || Long.compareUnsigned(id, highest) > 0) {
      return -1;
    }
    int mask = table.length - 1;
    for (int slot = home(id, mask); table[slot] != 0; slot = (slot + 1) & mask) {
      int pos = table[slot] - 1;
      if (ids[pos] == id) {
        return entries[pos];
      }
    }
    return -1;
  }

  /** Remembers that request {@code id} made the entry at {@code index}, unless the id is remembered already. */
  void putIfAbsent(long id, int index) {
    if (get(id) >= 0) {
      return;
    }
    int pos;
    if (size < ids.length) {
      pos = (oldest + size) % ids.length;
      size++;
    } else if (ids.length < KEPT) {
      grow();
      pos = size;
      size++;
    } else {
      pos = oldest; // the oldest is forgotten: its slot now names a position that holds another id
      oldest = (oldest + 1) % ids.length;
    }
    ids[pos] = id;
    entries[pos] = index;
    if (Long.compareUnsigned(id, highest) > 0) {
      highest = id;
    }
    if (++insertedSinceRebuild >= ids.length) {
      rebuild();
    } else {
      place(pos);
    }
  }

  int size() {
    return size;
  }

  /** Doubles the ring (it is full), oldest first from position 0. */
  private void grow() {
    long[] i = new long[ids.length * 2];
    int[] e = new int[ids.length * 2];
    for (int k = 0; k < size; k++) {
      int from = (oldest + k) % ids.length;
      i[k] = ids[from];
      e[k] = entries[from];
    }
    ids = i;
    entries = e;
    oldest = 0;
    table = new int[4 * ids.length];
    rebuild();
  }

  private void rebuild() {
    Arrays.fill(table, 0);
    for (int k = 0; k < size; k++) {
      place((oldest + k) % ids.length);
    }
    insertedSinceRebuild = 0;
  }

  private void place(int pos) {
    int mask = table.length - 1;
    int slot = home(ids[pos], mask);
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = pos + 1;
  }

  private static int home(long id, int mask) {
    long h = id * 0x9E3779B97F4A7C15L; // Fibonacci hashing: request ids are often consecutive
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
