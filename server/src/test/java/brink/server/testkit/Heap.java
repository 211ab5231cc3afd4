package brink.server.testkit;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap this JVM still uses once garbage is collected: what a test compares before and after. Netty keeps
 * the bytes waiting to be written in its own (direct) buffers, outside the heap: {@link #nettyDirect}.
 */
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

  /** Direct memory held by Netty's default allocator (its pools included), or -1 if it does not say. */
  public static long nettyDirect() {
    ByteBufAllocator a = ByteBufAllocator.DEFAULT;
    return a instanceof ByteBufAllocatorMetricProvider
        ? ((ByteBufAllocatorMetricProvider) a).metric().usedDirectMemory() : -1;
  }
}
