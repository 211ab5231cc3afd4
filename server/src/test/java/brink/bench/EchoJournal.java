package brink.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The durable echo's journal: the least a server does that makes each request durable before it answers. One
 * writer thread takes whatever frames wait, writes them to one file in one write, makes them durable with one
 * {@code fdatasync} (group commit, as Brink's journal does), then hands each answer to its connection's event
 * loop. Nothing is parsed, checked or kept; each request crosses two threads (event loop, writer, event loop)
 * where a Brink request crosses four. Its latency under a load is what this machine's disk and scheduler allow
 * any durable server, so Brink's figures can be read against it as well as against the raw echo.
 */
final class EchoJournal implements AutoCloseable {
  /** A frame waiting to be made durable, and the answer its connection gets once it is. */
  private record Pending(ChannelHandlerContext ctx, ByteBuf frame, ByteBuf answer) {}

  private final FileChannel file;
  private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
  private final Thread writer;
  private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);

  private EchoJournal(FileChannel file) {
    this.file = file;
    this.writer = new Thread(this::run, "echo-journal");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * A new journal at {@code path} (an existing file is emptied). With {@code zeroBytes} above 0, its first
   * {@code zeroBytes} are written as zeros and made durable before any frame: the frames then overwrite space
   * the file already has, and each {@code fdatasync} has no new file size to commit (on ext4, no commit of its
   * own journal), until the frames pass that much.
   */
  static EchoJournal open(Path path, long zeroBytes) throws IOException {
    FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    if (zeroBytes > 0) {
      ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
      for (long at = 0; at < zeroBytes; at += zeros.capacity()) {
        zeros.clear();
        zeros.limit((int) Math.min(zeros.capacity(), zeroBytes - at));
        while (zeros.hasRemaining()) {
          file.write(zeros);
        }
      }
      file.force(true);
      file.position(0);
    }
    return new EchoJournal(file);
  }

  /**
   * Makes {@code frame} durable, then writes {@code answer} to the connection (the frame itself, for an echo).
   * On the event loop; takes over both buffers.
   */
  void append(ChannelHandlerContext ctx, ByteBuf frame, ByteBuf answer) {
    waiting.add(new Pending(ctx, frame, answer));
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(waiting.take());
        waiting.drainTo(batch);
        write(batch);
        for (Pending p : batch) {
          if (p.answer() != p.frame()) {
            p.frame().release();
          }
          p.ctx().writeAndFlush(p.answer());
        }
        batch.clear();
      }
    } catch (InterruptedException | ClosedByInterruptException e) {
      // closed
    } catch (IOException e) {
      System.err.println("echo journal: " + e);
      for (Pending p : batch) {
        p.ctx().close();
      }
    }
    for (Pending p : batch) {
      release(p);
    }
    for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
      release(p);
    }
  }

  private static void release(Pending p) {
    if (p.answer() != p.frame()) {
      p.answer().release();
    }
    p.frame().release();
  }

  /** One write of the whole batch, then one fdatasync. */
  private void write(List<Pending> batch) throws IOException {
    int bytes = 0;
    for (Pending p : batch) {
      bytes += p.frame().readableBytes();
    }
    if (buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocateDirect(Integer.highestOneBit(bytes) << 1);
    }
    buffer.clear();
    for (Pending p : batch) {
      ByteBuf f = p.frame();
      buffer.limit(buffer.position() + f.readableBytes());
      f.getBytes(f.readerIndex(), buffer);
    }
    buffer.flip();
    while (buffer.hasRemaining()) {
      file.write(buffer);
    }
    file.force(false);
  }

  @Override
  public void close() throws IOException {
    writer.interrupt();
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    file.close();
  }
}
