package brink.server.journal;

import brink.server.journal.RecordFormat.Header;
import brink.server.journal.RecoveryReport.CorruptGame;
import brink.server.journal.RecoveryReport.TornTail;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Reads a journal from its first record to its end and decides what is trustworthy.
 *
 * <p>The rules (docs/journal.md, "Recovery"):
 *
 * <ul>
 *   <li>A batch is all or nothing. The writer starts batch b+1 only after batch b's fsync
 *       returned, so damage in batch b followed by a valid record of a later batch is damage to
 *       durable data (the game is corrupt), while damage in the last batch of the file, or a last
 *       batch without its end mark, is a write the crash interrupted: that whole batch was never
 *       acknowledged and is cut off.
 *   <li>A record whose header is intact but whose payload fails its CRC belongs to a known game:
 *       that game is corrupt, the others are untouched.
 *   <li>After an unreadable header the reader looks for the next valid header. A game that lost a
 *       record in the skipped bytes shows a gap in its sequence numbers and is corrupt.
 *   <li>Where a record should start and every byte from there to the end of the file is zero, the
 *       records end: those are the zeros the writer keeps ahead of them. Zeros followed by anything
 *       else are damage, as above.
 * </ul>
 */
final class JournalScanner {
  private static final int MAX_HEADER_BYTES = RecordFormat.headerBytes(RecordFormat.MAX_GAME_ID_BYTES);
  private static final int RESYNC_CHUNK_BYTES = 64 * 1024;

  private JournalScanner() {}

  /**
   * The verdict on one journal.
   *
   * @param kept the valid records to keep, in file order (corrupt games' good records included)
   * @param cut where the records end once the torn tail (if any) is cut off: where the next
   *     record goes
   * @param size the file's size as found (more than {@code cut} when zeros follow the records)
   */
  record Scan(List<Header> kept, long cut, long size, Optional<TornTail> tornTail,
      Map<String, CorruptGame> corrupt, List<String> warnings) {}

  /** What the reader found at one place of the file: a valid record or damage. */
  private sealed interface Item permits Valid, Damage {
    long offset();
  }

  private record Valid(Header header) implements Item {
    @Override
    public long offset() {
      return header.offset();
    }
  }

  /** Unusable bytes from {@code offset} to {@code end}; {@code header} is null when unreadable. */
  private record Damage(long offset, long end, Header header, long batch, String what) implements Item {}

  static Scan scan(ByteSource source, long start) throws IOException {
    long size = source.size();
    List<Item> items = new ArrayList<>();
    long dataEnd = walk(source, start, size, items);
    return classify(items, dataEnd, size);
  }

  /** Reads every record into {@code items}; returns where they end (before any zeros left ahead). */
  private static long walk(ByteSource source, long start, long size, List<Item> items)
      throws IOException {
    byte[] headerBytes = new byte[MAX_HEADER_BYTES];
    byte[] payload = new byte[0];
    Header last = null;
    long pos = start;
    while (pos < size) {
      int n = source.readAt(pos, headerBytes, (int) Math.min(MAX_HEADER_BYTES, size - pos));
      Header h = RecordFormat.decodeHeader(pos, headerBytes, n);
      if (h == null) {
        long next = resync(source, pos + 1, size);
        // When no record follows, the records end where the zeros left ahead (if any) begin.
        long end = next == size ? nonZeroEnd(source, pos, size) : next;
        if (end == pos) {
          return pos;
        }
        // The damaged record is in the last seen batch, unless that batch was complete.
        long batch = last == null ? 1 : last.batch() + (last.endOfBatch() ? 1 : 0);
        items.add(new Damage(pos, end, null, batch, describeBadHeader(headerBytes, n)));
        if (next == size) {
          return end;
        }
        pos = next;
        continue;
      }
      last = h;
      if (h.end() > size) {
        long end = nonZeroEnd(source, pos, size);
        items.add(new Damage(pos, end, h, h.batch(), "its payload is cut short by the end of the file"));
        return end;
      }
      int withCrc = h.payloadBytes() + RecordFormat.CRC_BYTES;
      if (payload.length < withCrc) {
        payload = new byte[Math.max(withCrc, payload.length * 2)];
      }
      source.readAt(h.payloadOffset(), payload, withCrc);
      if (payloadCrcMatches(payload, h.payloadBytes())) {
        items.add(new Valid(h));
      } else {
        items.add(new Damage(pos, h.end(), h, h.batch(), "its payload fails its checksum"));
      }
      pos = h.end();
    }
    return size;
  }

  /** The offset just after the last byte in {@code [from, size)} that is not zero, or {@code from}. */
  private static long nonZeroEnd(ByteSource source, long from, long size) throws IOException {
    byte[] chunk = new byte[(int) Math.min(RESYNC_CHUNK_BYTES, size - from)];
    long end = from;
    for (long p = from; p < size; ) {
      int n = source.readAt(p, chunk, (int) Math.min(chunk.length, size - p));
      if (n <= 0) {
        return size;
      }
      for (int i = n - 1; i >= 0; i--) {
        if (chunk[i] != 0) {
          end = p + i + 1;
          break;
        }
      }
      p += n;
    }
    return end;
  }

  static boolean payloadCrcMatches(byte[] payloadAndCrc, int payloadBytes) {
    CRC32C crc = new CRC32C();
    crc.update(payloadAndCrc, 0, payloadBytes);
    int stored = ((payloadAndCrc[payloadBytes] & 0xFF) << 24)
        | ((payloadAndCrc[payloadBytes + 1] & 0xFF) << 16)
        | ((payloadAndCrc[payloadBytes + 2] & 0xFF) << 8)
        | (payloadAndCrc[payloadBytes + 3] & 0xFF);
    return stored == (int) crc.getValue();
  }

  private static String describeBadHeader(byte[] bytes, int available) {
    boolean markerOk = available >= 4
        && ((bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8
            | (bytes[3] & 0xFF)) == RecordFormat.MARKER;
    boolean markerPrefix = available < 4 && markerPrefix(bytes, available);
    if (markerPrefix || (markerOk && available < RecordFormat.FIXED_HEADER_BYTES)) {
      return "its header is cut short by the end of the file";
    }
    if (markerOk && available < RecordFormat.headerBytes(Byte.toUnsignedInt(bytes[5]))) {
      return "its header is cut short by the end of the file";
    }
    if (!markerOk) {
      return "no record starts there (bad record marker)";
    }
    return "its header fails its checksum or holds impossible lengths";
  }

  private static boolean markerPrefix(byte[] bytes, int available) {
    for (int i = 0; i < available; i++) {
      if ((bytes[i] & 0xFF) != ((RecordFormat.MARKER >>> (24 - 8 * i)) & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  /** The offset of the next valid record header at or after {@code from}, or {@code size}. */
  private static long resync(ByteSource source, long from, long size) throws IOException {
    byte[] chunk = new byte[RESYNC_CHUNK_BYTES + 3];
    byte[] header = new byte[MAX_HEADER_BYTES];
    long p = from;
    while (p < size) {
      int n = source.readAt(p, chunk, (int) Math.min(chunk.length, size - p));
      for (int i = 0; i + 4 <= n; i++) {
        if (chunk[i] == 'B' && chunk[i + 1] == 'R' && chunk[i + 2] == 'K' && chunk[i + 3] == 'R') {
          long q = p + i;
          int m = source.readAt(q, header, (int) Math.min(MAX_HEADER_BYTES, size - q));
          if (RecordFormat.decodeHeader(q, header, m) != null) {
            return q;
          }
        }
      }
      if (n < chunk.length) {
        break;
      }
      p += n - 3;
    }
    return size;
  }

  private static Scan classify(List<Item> items, long dataEnd, long size) {
    // A damage is "confirmed" (damage to durable data) when a valid record of a later batch follows it.
    long[] maxBatchAfter = new long[items.size() + 1];
    for (int i = items.size() - 1; i >= 0; i--) {
      long here = items.get(i) instanceof Valid ? ((Valid) items.get(i)).header().batch() : 0;
      maxBatchAfter[i] = Math.max(maxBatchAfter[i + 1], here);
    }
    int firstUnconfirmed = -1;
    for (int i = 0; i < items.size() && firstUnconfirmed < 0; i++) {
      if (items.get(i) instanceof Damage && maxBatchAfter[i + 1] <= ((Damage) items.get(i)).batch()) {
        firstUnconfirmed = i;
      }
    }
    int tailIndex = firstUnconfirmed < 0 ? items.size() : firstUnconfirmed;
    long cut = firstUnconfirmed < 0 ? dataEnd : items.get(firstUnconfirmed).offset();
    Header lastRecord = null;
    for (int i = tailIndex - 1; i >= 0 && lastRecord == null; i--) {
      if (items.get(i) instanceof Valid) {
        lastRecord = ((Valid) items.get(i)).header();
      }
    }
    if (lastRecord != null && !lastRecord.endOfBatch()) {
      // The last batch has no end mark: cut it off whole, from its first record.
      for (Item item : items) {
        if (item instanceof Valid && ((Valid) item).header().batch() == lastRecord.batch()) {
          cut = item.offset();
          break;
        }
      }
    }

    List<Header> kept = new ArrayList<>();
    int discarded = 0;
    String tailReason = null;
    Map<String, CorruptGame> corrupt = new TreeMap<>();
    List<Damage> unattributed = new ArrayList<>();
    for (Item item : items) {
      long offset = item.offset();
      if (offset >= cut) {
        if (item instanceof Valid) {
          discarded++;
        } else if (tailReason == null) {
          tailReason = "the record at byte offset " + offset + " is incomplete: " + ((Damage) item).what();
        }
        continue;
      }
      if (item instanceof Valid) {
        kept.add(((Valid) item).header());
        continue;
      }
      Damage d = (Damage) item;
      if (d.header() != null) {
        String game = d.header().gameId();
        corrupt.putIfAbsent(game, new CorruptGame(game, d.offset(), "game " + game
            + ": the record at byte offset " + d.offset() + " (sequence " + d.header().gameSeq()
            + ") " + d.what() + "; the game cannot be replayed"));
      } else {
        unattributed.add(d);
      }
    }
    if (tailReason == null && cut < dataEnd) {
      tailReason = "the last batch (from byte offset " + cut + ") was not finished: its end mark is missing";
    }

    List<String> warnings = new ArrayList<>();
    for (Damage d : unattributed) {
      warnings.add("bytes " + d.offset() + ".." + d.end() + " of the journal are unreadable (" + d.what()
          + "); games with missing records there are marked corrupt");
    }
    Map<String, Long> expected = new HashMap<>();
    for (Header h : kept) {
      long want = expected.getOrDefault(h.gameId(), 1L);
      if (h.gameSeq() != want && !corrupt.containsKey(h.gameId())) {
        Damage before = null;
        for (Damage d : unattributed) {
          if (d.offset() < h.offset()) {
            before = d;
          }
        }
        long damageAt = before == null ? h.offset() : before.offset();
        String where = before == null ? "" : " (bytes " + before.offset() + ".." + before.end() + " are unreadable)";
        String message = h.gameSeq() > want
            ? "game " + h.gameId() + ": records " + want + ".." + (h.gameSeq() - 1)
                + " are missing before byte offset " + h.offset() + where + "; the game cannot be replayed"
            : "game " + h.gameId() + ": the record at byte offset " + h.offset() + " repeats sequence "
                + h.gameSeq() + " (expected " + want + "); the game cannot be replayed";
        corrupt.put(h.gameId(), new CorruptGame(h.gameId(), damageAt, message));
      }
      expected.put(h.gameId(), h.gameSeq() + 1);
    }
    Optional<TornTail> torn = cut < dataEnd
        ? Optional.of(new TornTail(cut, dataEnd - cut, discarded, tailReason))
        : Optional.empty();
    return new Scan(List.copyOf(kept), cut, size, torn, corrupt, warnings);
  }
}
