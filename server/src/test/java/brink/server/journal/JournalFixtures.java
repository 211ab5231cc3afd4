package brink.server.journal;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.MessageEntry;
import brink.protocol.v1.OrdersEntry;
import brink.protocol.v1.ReadyEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Entries and store set-ups shared by the journal tests. */
final class JournalFixtures {
  private JournalFixtures() {}

  /** A distinct entry for game {@code gameId}, number {@code n}; three kinds in turn. */
  static JournalEntry entry(String gameId, int n) {
    JournalEntry.Builder b = JournalEntry.newBuilder().setGameId(gameId).setRecordedAtEpochMillis(1_700_000_000_000L + n);
    switch (n % 3) {
      case 0:
        return b.setOrders(OrdersEntry.newBuilder().setActor("rus").setTurn(n).setParticipantId("p" + n)
            .addMoves(Move.newBuilder().setType(MoveType.DEPLOY_TROOPS).setUnit("u" + n).setRegion("belarus")))
            .build();
      case 1:
        return b.setMessage(MessageEntry.newBuilder().setMessageId(n).setTurn(n)
            .setText("message " + n + " of game " + gameId)).build();
      default:
        return b.setReady(ReadyEntry.newBuilder().setActor("ukr").setTurn(n).setReady(true)).build();
    }
  }

  /**
   * Default options with fsync on, for a fresh store in {@code dir}, appending: these tests take record
   * offsets from the file's size and count writes and fsyncs. PreallocatedJournalTest covers the zeros
   * the default writes ahead of the records.
   */
  static JournalOptions options(Path dir) {
    return JournalOptions.defaults(dir).withPreallocation(0);
  }

  /** Options (as {@link #options}) whose channel is wrapped; the wrapper lands in {@code holder}. */
  static JournalOptions observed(Path dir, AtomicReference<ObservedChannel> holder) {
    return observed(options(dir), holder);
  }

  /** {@code options} with the channel wrapped; the wrapper lands in {@code holder}. */
  static JournalOptions observed(JournalOptions options, AtomicReference<ObservedChannel> holder) {
    return options.withChannelOpener(file -> {
      ObservedChannel channel = new ObservedChannel(ChannelOpener.standard().open(file));
      holder.set(channel);
      return channel;
    });
  }

  /** Appends and waits until durable (each call is then its own batch). */
  static void appendDurably(JournalStore store, JournalEntry entry) throws Exception {
    store.append(entry.getGameId(), entry).get(30, TimeUnit.SECONDS);
  }

  static Path journalFile(Path dir) {
    return dir.resolve(FileJournalStore.FILE_NAME);
  }

  /** Copies the first {@code length} bytes of {@code bytes} into a fresh journal directory. */
  static Path journalWith(Path root, String name, byte[] bytes, int length) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    byte[] copy = new byte[length];
    System.arraycopy(bytes, 0, copy, 0, length);
    Files.write(journalFile(dir), copy);
    return dir;
  }
}
