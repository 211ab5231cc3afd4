package brink.server.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the journal file. The standard one opens it for reading and writing, creating it if
 * needed; tests pass one that wraps the channel to observe or fail writes and fsyncs.
 */
@FunctionalInterface
public interface ChannelOpener {
  FileChannel open(Path file) throws IOException;

  static ChannelOpener standard() {
    return file -> FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
        StandardOpenOption.CREATE);
  }
}
