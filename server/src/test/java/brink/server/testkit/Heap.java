package brink.server.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap this JVM still uses once garbage is collected: what a test compares before and after. */
public final class Heap {
  private Heap() {}

  /** Bytes of heap in use after three full collections (one may leave finalizable garbage behind). */
  public static long usedAfterGc() {
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      mx.gc();
    }
    return mx.getHeapMemoryUsage().getUsed();
  }
}
