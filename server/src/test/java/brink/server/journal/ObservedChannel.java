package brink.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A FileChannel that forwards to a real one and lets a test see and steer the journal's writes and
 * fsyncs: it logs them as events, can hold the next fsync until the test releases it, and can fail
 * writes (whole or after half the bytes) or fsyncs.
 */
final class ObservedChannel extends FileChannel {
  private final FileChannel delegate;
  /** "write:N" (bytes) and "force" in the order they happened, plus whatever the test adds. */
  final List<String> events = new CopyOnWriteArrayList<>();
  final AtomicInteger forces = new AtomicInteger();
  /** Every call of force, failed ones included. */
  final AtomicInteger forceCalls = new AtomicInteger();
  /** The call of force (counted as {@link #forceCalls} counts) that fails; 0 for none. */
  volatile int failForceCall;
  volatile boolean failWrites;
  volatile boolean failHalfWay;
  volatile boolean failForces;
  volatile boolean failTruncates;
  /** The message of an injected write failure ("No space left on device" is what the JDK says of ENOSPC). */
  volatile String writeError = "injected write failure";
  private final AtomicReference<Hold> nextHold = new AtomicReference<>();
  private volatile Hold lastHold;

  private record Hold(CountDownLatch entered, CountDownLatch release) {}

  ObservedChannel(FileChannel delegate) {
    this.delegate = delegate;
  }

  private synchronized void note(String event) {
    events.add(event);
    notifyAll();
  }

  /**
   * Waits until {@code event} happens at index {@code from} of {@link #events} or later; returns its index.
   * Fails the test after 30 s.
   */
  synchronized int awaitEvent(String event, int from) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      for (int i = from; i < events.size(); i++) {
        if (events.get(i).equals(event)) {
          return i;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no \"" + event + "\" from event " + from + " within 30 s: " + events);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** The next force blocks until {@link #releaseForce()}; returns a latch that opens when it is reached. */
  CountDownLatch holdNextForce() {
    Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
    lastHold = hold;
    nextHold.set(hold);
    return hold.entered();
  }

  void releaseForce() {
    lastHold.release().countDown();
  }

  @Override
  public void force(boolean metaData) throws IOException {
    Hold hold = nextHold.getAndSet(null);
    if (hold != null) {
      hold.entered().countDown();
      try {
        if (!hold.release().await(30, TimeUnit.SECONDS)) {
          throw new IOException("test never released the held force");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while held", e);
      }
    }
    if (failForces || forceCalls.incrementAndGet() == failForceCall) {
      note("force-failed");
      throw new IOException("injected fsync failure");
    }
    delegate.force(metaData);
    forces.incrementAndGet();
    note("force");
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    if (failWrites) {
      note("write-failed");
      throw new IOException(writeError);
    }
    if (failHalfWay) {
      ByteBuffer half = src.duplicate();
      half.limit(src.position() + src.remaining() / 2);
      int n = delegate.write(half, position);
      src.position(src.position() + n);
      note("write-partial:" + n);
      throw new IOException(writeError.equals("injected write failure") ? "injected failure after a partial write"
          : writeError);
    }
    int n = delegate.write(src, position);
    note("write:" + n);
    return n;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (failWrites) {
      throw new IOException("injected write failure");
    }
    return delegate.write(src);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    if (failWrites) {
      throw new IOException("injected write failure");
    }
    return delegate.write(srcs, offset, length);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return delegate.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return delegate.read(dsts, offset, length);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return delegate.read(dst, position);
  }

  @Override
  public long position() throws IOException {
    return delegate.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    delegate.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return delegate.size();
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    if (failTruncates) {
      note("truncate-failed:" + size);
      throw new IOException("injected truncate failure");
    }
    note("truncate:" + size);
    delegate.truncate(size);
    return this;
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    return delegate.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    return delegate.transferFrom(src, position, count);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return delegate.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return delegate.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return delegate.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    delegate.close();
  }
}
