package brink.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads over a journal file or an exported journal held in memory. */
interface ByteSource {
  long size() throws IOException;

  /**
   * Reads up to {@code length} bytes at {@code position} into {@code dst[0, length)}; returns how
   * many were read, fewer only at the end of the source.
   */
  int readAt(long position, byte[] dst, int length) throws IOException;

  static ByteSource of(FileChannel channel) {
    return new ByteSource() {
      @Override
      public long size() throws IOException {
        return channel.size();
      }

      @Override
      public int readAt(long position, byte[] dst, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(dst, 0, length);
        while (buffer.hasRemaining()) {
          int n = channel.read(buffer, position + buffer.position());
          if (n < 0) {
            break;
          }
        }
        return buffer.position();
      }
    };
  }

  static ByteSource of(byte[] bytes) {
    return new ByteSource() {
      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public int readAt(long position, byte[] dst, int length) {
        if (position >= bytes.length) {
          return 0;
        }
        int n = (int) Math.min(length, bytes.length - position);
        System.arraycopy(bytes, (int) position, dst, 0, n);
        return n;
      }
    };
  }
}
