package brink.server.testkit;

import brink.server.journal.ChannelOpener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A disk for the journal that a test fills and empties: its channels write through to real files, but only
 * as many new bytes as the disk has free. A write that does not fit writes what fits (a short write, as
 * Linux does) and the next one fails with the JDK's ENOSPC message, "No space left on device"; a truncate
 * gives the space back. fsyncs and truncates can be made to fail as well. Pass it to the server with {@link
 * brink.server.ServerConfig#withJournalChannels}; one disk serves every channel opened on it (across
 * restarts), so "space returns" is one call.
 */
public final class FaultyDisk implements ChannelOpener {
  /** What the JDK's IOException says for ENOSPC. */
  public static final String ENOSPC = "No space left on device";
  /** What the JDK's IOException says for EIO. */
  public static final String EIO = "Input/output error";

  private final AtomicLong free = new AtomicLong(Long.MAX_VALUE / 4);
  private volatile boolean failForces;
  private volatile boolean failTruncates;
  /** Writes that failed with ENOSPC, short writes, failed fsyncs. */
  public final AtomicInteger fullWrites = new AtomicInteger();
  public final AtomicInteger shortWrites = new AtomicInteger();
  public final AtomicInteger failedForces = new AtomicInteger();

  /** Leaves {@code bytes} free (0: the disk is full). */
  public void free(long bytes) {
    free.set(bytes);
  }

  /** Space returns: plenty free. */
  public void emptied() {
    free.set(Long.MAX_VALUE / 4);
  }

  /** Every fsync from now fails with EIO ({@code true}) or works ({@code false}). */
  public void failForces(boolean value) {
    failForces = value;
  }

  /** Every truncate from now fails with EIO (a failed write cannot be undone) or works. */
  public void failTruncates(boolean value) {
    failTruncates = value;
  }

  @Override
  public FileChannel open(Path file) throws IOException {
    return new Channel(ChannelOpener.standard().open(file));
  }

  private final class Channel extends FileChannel {
    private final FileChannel real;

    Channel(FileChannel real) {
      this.real = real;
    }

    /** The bytes a write of {@code n} at {@code position} adds to the file. */
    private long growth(long position, long n) throws IOException {
      return Math.max(0, position + n - real.size());
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      long need = growth(position, src.remaining());
      while (true) {
        long left = free.get();
        if (need <= left) {
          if (free.compareAndSet(left, left - need)) {
            return real.write(src, position);
          }
          continue;
        }
        long fits = left - Math.max(0, position - real.size());
        if (fits <= 0) {
          fullWrites.incrementAndGet();
          throw new IOException(ENOSPC);
        }
        if (free.compareAndSet(left, 0)) {
          ByteBuffer part = src.duplicate();
          part.limit(src.position() + (int) Math.min(src.remaining(), fits));
          int n = real.write(part, position);
          src.position(src.position() + n);
          shortWrites.incrementAndGet();
          return n;
        }
      }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = write(src, real.position());
      real.position(real.position() + n);
      return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      long n = 0;
      for (int i = offset; i < offset + length; i++) {
        n += write(srcs[i]);
      }
      return n;
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      if (failTruncates) {
        throw new IOException(EIO);
      }
      long before = real.size();
      real.truncate(size);
      if (size < before) {
        free.addAndGet(before - size);
      }
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      if (failForces) {
        failedForces.incrementAndGet();
        throw new IOException(EIO);
      }
      real.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      real.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return real.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      throw new IOException("the journal does not write with transferFrom; a faulty disk cannot count it");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      if (mode != MapMode.READ_ONLY) {
        throw new IOException("the journal does not write through a mapping; a faulty disk cannot count it");
      }
      return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      real.close();
    }
  }
}
