package brink.server.session;

import java.util.Arrays;

/**
 * The last {@code capacity} request ids added, each at a fixed position of a ring: the caller keeps what it
 * remembers per id in its own arrays at that position ({@link #length()} long), so a request allocates
 * nothing here and no id or value is boxed. Adding an id to a full ring forgets the oldest, whose position the
 * new id takes. Not thread-safe.
 *
 * <p>Ids are found through an open-addressing table of ring positions (linear probing, four slots per
 * position). A forgotten id's slot is not cleared: the position it names now holds another id, so a lookup
 * passes over it; the table is rebuilt from the ring after as many insertions as the ring holds, so it is
 * never more than half full.
 *
 * <p>The ring grows from {@code first} positions to {@code capacity}, doubling; positions never move, since no
 * id is forgotten before the ring is at its capacity.
 */
public final class IdRing {
  private final int capacity;
  private long[] ids;
  private int size;
  /** The oldest id's position; 0 until the ring is full at its capacity. */
  private int oldest;
  /** Ring position + 1 per slot (0 = empty). */
  private int[] table;
  private int insertedSinceRebuild;
  /**
   * The greatest id ever added (unsigned, as protobuf's uint64): clients number their requests upwards, so most
   * lookups are of a new id above it, answered without probing the table (whose cold slots were 1 to 8 % of a
   * peak run's Java samples).
   */
  private long highest;

  /**
   * @param first positions at the start (a power of two)
   * @param capacity most ids kept (a power of two, at least {@code first})
   */
  public IdRing(int first, int capacity) {
    if (Integer.bitCount(first) != 1 || Integer.bitCount(capacity) != 1 || capacity < first) {
      throw new IllegalArgumentException("first and capacity must be powers of two with first <= capacity, not "
          + first + " and " + capacity);
    }
    this.capacity = capacity;
    this.ids = new long[first];
    this.table = new int[4 * first];
  }

  /** The position of {@code id}, or -1 if it is not among the ids kept. */
  public int find(long id) {
    if (size == 0 || Long.compareUnsigned(id, highest) > 0) {
      return -1;
    }
    int mask = table.length - 1;
    for (int slot = home(id, mask); table[slot] != 0; slot = (slot + 1) & mask) {
      int pos = table[slot] - 1;
      if (ids[pos] == id) {
        return pos;
      }
    }
    return -1;
  }

  /**
   * Adds {@code id}, which must not be kept already ({@link #find} is -1), and returns its position. When the
   * ring is full the oldest id is forgotten and the new one takes its position; when the ring grows, {@link
   * #length()} grows and the caller's arrays must follow.
   */
  public int add(long id) {
    int pos;
    if (size < ids.length) {
      pos = (oldest + size) % ids.length;
      size++;
    } else if (ids.length < capacity) {
      ids = Arrays.copyOf(ids, ids.length * 2); // oldest is 0: nothing was forgotten yet
      table = new int[4 * ids.length];
      pos = size;
      size++;
      insertedSinceRebuild = ids.length; // rebuilt below, with the new id
    } else {
      pos = oldest;
      oldest = (oldest + 1) % ids.length;
    }
    ids[pos] = id;
    if (Long.compareUnsigned(id, highest) > 0) {
      highest = id;
    }
    if (++insertedSinceRebuild >= ids.length) {
      rebuild();
    } else {
      place(pos);
    }
    return pos;
  }

  /** How many ids are kept. */
  public int size() {
    return size;
  }

  /** The number of positions: the caller's arrays must be at least this long. */
  public int length() {
    return ids.length;
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
