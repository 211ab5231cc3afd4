package brink.server.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of the journal (docs/journal.md). All integers are big-endian.
 *
 * <pre>
 * file   := FILE_MAGIC record*
 * record := header payload payload_crc
 * header := marker:u32 flags:u8 game_id_len:u8 payload_len:u32 batch:u64 game_seq:u64
 *           game_id:bytes[game_id_len] header_crc:u32      (CRC32C of every header byte before it)
 * payload     := a serialized brink.v1.JournalEntry (payload_len bytes)
 * payload_crc := CRC32C of the payload
 * </pre>
 *
 * <p>{@code batch} numbers the group commits of a file from 1 (one fsync each) and {@code flags}
 * bit 0 marks the last record of its batch: recovery uses them to tell a torn last batch (never
 * acknowledged, cut off) from a damaged record in the middle of the file (reported, kept).
 * {@code game_seq} numbers a game's records from 1, so a record lost in the middle of the file
 * shows as a gap even when its header is unreadable.
 */
final class RecordFormat {
  /** "BRNKJNL" and the format version 1. */
  static final byte[] FILE_MAGIC = {'B', 'R', 'N', 'K', 'J', 'N', 'L', 1};
  /** "BRKR": the first bytes of every record, so that a reader can find the next record after damage. */
  static final int MARKER = 0x42524B52;
  /** Header bytes before the game id. */
  static final int FIXED_HEADER_BYTES = 4 + 1 + 1 + 4 + 8 + 8;
  static final int CRC_BYTES = 4;
  static final int MAX_GAME_ID_BYTES = 255;
  /** Largest payload accepted (a game's first entry carries a scenario of at most 4 MiB). */
  static final int MAX_PAYLOAD_BYTES = 16 << 20;
  static final byte FLAG_END_OF_BATCH = 1;

  private RecordFormat() {}

  static int headerBytes(int gameIdBytes) {
    return FIXED_HEADER_BYTES + gameIdBytes + CRC_BYTES;
  }

  static int recordBytes(int gameIdBytes, int payloadBytes) {
    return headerBytes(gameIdBytes) + payloadBytes + CRC_BYTES;
  }

  /** The game id as stored, or an exception saying why it cannot be. */
  static byte[] gameIdBytes(String gameId) {
    if (gameId == null || gameId.isEmpty()) {
      throw new IllegalArgumentException("a journal record needs a non-empty game id");
    }
    byte[] bytes = gameId.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_GAME_ID_BYTES) {
      throw new IllegalArgumentException("game id '" + gameId + "' is " + bytes.length
          + " bytes in UTF-8; the journal stores at most " + MAX_GAME_ID_BYTES);
    }
    return bytes;
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  static int crc(ByteBuffer buffer) {
    CRC32C crc = new CRC32C();
    crc.update(buffer.duplicate());
    return (int) crc.getValue();
  }

  /** Writes one whole record at the buffer's position (which must have room for it). */
  static void encode(ByteBuffer dst, boolean endOfBatch, long batch, long gameSeq, byte[] gameId,
      byte[] payload, int payloadCrc) {
    dst.order(ByteOrder.BIG_ENDIAN);
    int start = dst.position();
    dst.putInt(MARKER);
    dst.put(endOfBatch ? FLAG_END_OF_BATCH : 0);
    dst.put((byte) gameId.length);
    dst.putInt(payload.length);
    dst.putLong(batch);
    dst.putLong(gameSeq);
    dst.put(gameId);
    ByteBuffer header = dst.duplicate();
    header.position(start).limit(dst.position());
    dst.putInt(crc(header));
    dst.put(payload);
    dst.putInt(payloadCrc);
  }

  /** One record's header as read back, after its CRC was checked. */
  record Header(long offset, boolean endOfBatch, int payloadBytes, long batch, long gameSeq,
      String gameId, int gameIdBytes) {
    int headerBytes() {
      return RecordFormat.headerBytes(gameIdBytes);
    }

    long payloadOffset() {
      return offset + headerBytes();
    }

    long end() {
      return offset + recordBytes(gameIdBytes, payloadBytes);
    }
  }

  /**
   * Decodes a header from {@code bytes} (which start at the record's first byte and hold at least
   * {@link #headerBytes} bytes once the game id length is known). Returns null when the marker,
   * a length or the CRC is wrong.
   */
  static Header decodeHeader(long offset, byte[] bytes, int available) {
    if (available < FIXED_HEADER_BYTES) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, available).order(ByteOrder.BIG_ENDIAN);
    if (b.getInt() != MARKER) {
      return null;
    }
    byte flags = b.get();
    int gameIdBytes = Byte.toUnsignedInt(b.get());
    int payloadBytes = b.getInt();
    long batch = b.getLong();
    long gameSeq = b.getLong();
    if ((flags & ~FLAG_END_OF_BATCH) != 0 || gameIdBytes == 0 || payloadBytes < 0
        || payloadBytes > MAX_PAYLOAD_BYTES || batch < 1 || gameSeq < 1) {
      return null;
    }
    if (available < headerBytes(gameIdBytes)) {
      return null;
    }
    int crcAt = FIXED_HEADER_BYTES + gameIdBytes;
    int stored = ByteBuffer.wrap(bytes, crcAt, CRC_BYTES).order(ByteOrder.BIG_ENDIAN).getInt();
    if (stored != crc(bytes, 0, crcAt)) {
      return null;
    }
    String gameId = new String(bytes, FIXED_HEADER_BYTES, gameIdBytes, StandardCharsets.UTF_8);
    return new Header(offset, (flags & FLAG_END_OF_BATCH) != 0, payloadBytes, batch, gameSeq,
        gameId, gameIdBytes);
  }

  static boolean isFileMagic(byte[] bytes) {
    return Arrays.equals(bytes, FILE_MAGIC);
  }

  /** True when {@code bytes[0, length)} is a prefix of the magic (a file torn while being created). */
  static boolean isMagicPrefix(byte[] bytes, int length) {
    return length < FILE_MAGIC.length
        && Arrays.equals(bytes, 0, length, FILE_MAGIC, 0, length);
  }
}
