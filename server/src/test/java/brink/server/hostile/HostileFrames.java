package brink.server.hostile;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.scenario.v1.Text;
import brink.protocol.scenario.v1.Visibility;
import brink.protocol.v1.AssignSeat;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ContinueGame;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.EndGame;
import brink.protocol.v1.ExtendDeadline;
import brink.protocol.v1.ForceResolve;
import brink.protocol.v1.GetReport;
import brink.protocol.v1.GetState;
import brink.protocol.v1.Hello;
import brink.protocol.v1.Inject;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.Kick;
import brink.protocol.v1.ListGames;
import brink.protocol.v1.PauseGame;
import brink.protocol.v1.Ping;
import brink.protocol.v1.PreviewInject;
import brink.protocol.v1.ResumeGame;
import brink.protocol.v1.ResumeSession;
import brink.protocol.v1.Role;
import brink.protocol.v1.SendMessage;
import brink.protocol.v1.SetReady;
import brink.protocol.v1.StartGame;
import brink.protocol.v1.SubmitOrders;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded source of everything a client can send: well-formed requests with hostile values (other actors'
 * units and seats, other games' ids, past, future and absurd turns, negative and non-finite quantities,
 * unknown enum values, huge repeated fields, texts at and over their limits), those same requests mutated
 * byte by byte (bit flips, truncations, insertions, unknown fields and oneof members, invalid UTF-8 inside
 * strings, varints cut short or overlong), and raw frames whose length prefix lies (at, just under and just
 * over the 64 KiB cap, zero, 2^32 - 1, longer than what follows).
 */
final class HostileFrames {
  /** The client frame cap (FrameLimits.CLIENT_FRAME_BYTES). */
  static final int CAP = 64 * 1024;

  /** What a case is, which decides how the fuzzer sends it and what the server may do. */
  enum Shape {
    /** A whole, parseable ClientMessage with hostile values: the connection must survive it. */
    REQUEST,
    /** A whole frame of bytes that may or may not parse: an answer, or a final Error and a close. */
    FRAME,
    /** Bytes whose framing is broken (a length longer than what follows, or over the cap): the fuzzer ends its
     *  output after them and expects a final Error or a close. */
    BROKEN
  }

  /** One case: its shape and the bytes to write (for REQUEST and FRAME, the frame's payload only). */
  record Case(Shape shape, byte[] bytes, String what) {}

  private final Random r;
  private final List<String> actors;
  private final List<String> units;
  private final List<String> regions;
  private final List<String> games;

  /**
   * @param actors the scenario's actor ids (the fuzzer's own and others')
   * @param units unit ids, the fuzzer's actor's and others'
   * @param regions region ids
   * @param games game ids to name: the fuzzer's own game, another game, made-up ones
   */
  HostileFrames(long seed, List<String> actors, List<String> units, List<String> regions, List<String> games) {
    this.r = new Random(seed);
    this.actors = actors;
    this.units = units;
    this.regions = regions;
    this.games = games;
  }

  /** A well-formed request with hostile values: the connection must survive it. */
  Case hostileRequest() {
    ClientMessage m = request();
    return new Case(Shape.REQUEST, m.toByteArray(), "request " + m.getBodyCase());
  }

  /** A frame of doubtful bytes (three times in four) or broken framing. */
  Case doubtful() {
    return r.nextInt(4) == 0 ? broken() : mutated();
  }

  // ================================================================== well-formed, hostile

  /** A request that parses, with values chosen to hurt. */
  ClientMessage request() {
    ClientMessage.Builder b = ClientMessage.newBuilder().setRequestId(requestId());
    String game = game();
    switch (r.nextInt(24)) {
      case 0:
      case 1:
      case 2:
      case 3: {
        SubmitOrders.Builder so = SubmitOrders.newBuilder().setGameId(game).setTurn(turn()).setWait(r.nextInt(5) == 0)
            .setReady(r.nextInt(4) == 0);
        int n = r.nextInt(10) == 0 ? 200 + r.nextInt(2000) : r.nextInt(6);
        for (int i = 0; i < n; i++) {
          so.addMoves(move());
        }
        b.setSubmitOrders(so);
        break;
      }
      case 4:
        b.setSetReady(SetReady.newBuilder().setGameId(game).setTurn(turn()).setReady(r.nextBoolean()));
        break;
      case 5:
      case 6:
      case 7: {
        SendMessage.Builder sm = SendMessage.newBuilder().setGameId(game).setText(text(4100));
        int n = r.nextInt(8) == 0 ? r.nextInt(3000) : r.nextInt(4);
        for (int i = 0; i < n; i++) {
          sm.addTo(r.nextInt(3) == 0 ? word() : pick(actors));
        }
        b.setSendMessage(sm);
        break;
      }
      case 8:
        b.setGetState(GetState.newBuilder().setGameId(r.nextInt(4) == 0 ? game : games.get(games.size() - 1)));
        break;
      case 9:
        b.setPing(Ping.newBuilder().setClientTimeEpochMillis(r.nextLong()));
        break;
      case 10:
        b.setHello(Hello.newBuilder().setProtocolVersion(r.nextInt(4)).setClient(text(100))
            .setInstructorKey(r.nextBoolean() ? "" : text(64)));
        break;
      case 11:
        b.setJoinGame(JoinGame.newBuilder().setCode(text(20)).setName(text(60)));
        break;
      case 12:
        b.setResumeSession(ResumeSession.newBuilder().setToken(text(50)).setGameId(game).setLastSeq(r.nextLong()));
        break;
      case 13:
        b.setCreateGame(CreateGame.newBuilder().setScenarioId(word()).setSeed(r.nextLong())
            .setOrdersSeconds(r.nextInt()).setReportSeconds(r.nextInt()).putBots(pick(actors), word()));
        break;
      case 14:
        b.setStartGame(StartGame.newBuilder().setGameId(game));
        break;
      case 15:
        b.setPauseGame(PauseGame.newBuilder().setGameId(game));
        break;
      case 16:
        b.setResumeGame(ResumeGame.newBuilder().setGameId(game));
        break;
      case 17:
        b.setExtendDeadline(ExtendDeadline.newBuilder().setGameId(game).setSeconds(r.nextInt()));
        break;
      case 18:
        b.setForceResolve(ForceResolve.newBuilder().setGameId(game).setTurn(turn()));
        break;
      case 19:
        if (r.nextBoolean()) {
          b.setInject(Inject.newBuilder().setGameId(game).setCustom(inject()));
        } else {
          b.setPreviewInject(PreviewInject.newBuilder().setGameId(game).setScriptedId(word()));
        }
        break;
      case 20:
        if (r.nextBoolean()) {
          b.setContinueGame(ContinueGame.newBuilder().setGameId(game));
        } else {
          b.setEndGame(EndGame.newBuilder().setGameId(game).setReason(text(5000)));
        }
        break;
      case 21:
        b.setListGames(ListGames.newBuilder().setIncludeEnded(r.nextBoolean()));
        break;
      case 22:
        if (r.nextBoolean()) {
          b.setAssignSeat(AssignSeat.newBuilder().setGameId(game).setParticipantId("P000" + r.nextInt(9))
              .setRoleValue(r.nextInt(6) - 1).setActor(pick(actors)));
        } else {
          b.setKick(Kick.newBuilder().setGameId(game).setParticipantId("P000" + r.nextInt(9)).setReason(text(50)));
        }
        break;
      default:
        b.setGetReport(GetReport.newBuilder().setGameId(game));
        break;
    }
    return b.build();
  }

  private long requestId() {
    switch (r.nextInt(8)) {
      case 0:
        return 0; // refused: request ids start at 1
      case 1:
        return -1L; // 2^64 - 1 as a uint64
      case 2:
        return 1 + r.nextInt(20); // repeats: the first answer comes back
      default:
        return 1_000_000 + (r.nextLong() & 0xFFFFFFFFL);
    }
  }

  private int turn() {
    switch (r.nextInt(6)) {
      case 0:
        return Integer.MIN_VALUE;
      case 1:
        return -1 - r.nextInt(5);
      case 2:
        return Integer.MAX_VALUE;
      case 3:
        return 2 + r.nextInt(20); // future turns
      default:
        return 1; // the current turn
    }
  }

  private Move move() {
    Move.Builder m = Move.newBuilder();
    if (r.nextInt(10) == 0) {
      m.setTypeValue(r.nextInt(10) == 0 ? -r.nextInt(1000) : 35 + r.nextInt(1000)); // unknown enum values
    } else {
      m.setTypeValue(r.nextInt(35));
    }
    if (r.nextBoolean()) {
      m.setTarget(r.nextInt(5) == 0 ? text(200) : pick(actors));
    }
    if (r.nextInt(3) == 0) {
      m.setTargetB(pick(actors));
    }
    if (r.nextInt(3) == 0) {
      m.setUnit(r.nextInt(5) == 0 ? text(100) : pick(units));
    }
    if (r.nextInt(3) == 0) {
      m.setRegion(r.nextInt(5) == 0 ? text(100) : pick(regions));
    }
    if (r.nextInt(3) == 0) {
      double[] q = {-1, -1e308, 0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308,
          Double.MIN_VALUE, 5, 1e9};
      m.setQuantity(q[r.nextInt(q.length)]);
    }
    return m.build();
  }

  private brink.protocol.scenario.v1.Inject inject() {
    brink.protocol.scenario.v1.Inject.Builder i = brink.protocol.scenario.v1.Inject.newBuilder()
        .setId(word()).setTurn(turn()).setHeadline(Text.newBuilder().setEn(text(400)).setFr(text(10)))
        .setBody(Text.newBuilder().setEn(text(5000))).setVisibilityValue(r.nextInt(6) - 1);
    for (int k = r.nextInt(3); k > 0; k--) {
      i.addAudience(pick(actors));
    }
    return i.setVisibility(r.nextBoolean() ? Visibility.PUBLIC : Visibility.COVERT).build();
  }

  private String game() {
    return r.nextInt(10) == 0 ? text(12) : pick(games);
  }

  private String word() {
    String[] w = {"", " ", "rus", "ukr", "usa", "nato", "blr", "passive", "hawk", "P0001", "-", "eastern-flank-2022",
        "../../etc/passwd", "%s%s%n", "null", "\u0000", "DROP TABLE games;"};
    return w[r.nextInt(w.length)];
  }

  /** Text of up to {@code max} characters: empty, blank, at the limits, multi-byte, control characters. */
  private String text(int max) {
    switch (r.nextInt(8)) {
      case 0:
        return "";
      case 1:
        return " \t\n";
      case 2:
        return "x".repeat(Math.min(max, 4000));
      case 3:
        return "y".repeat(Math.min(max, 4001));
      case 4:
        return "\u00e9\u4e2d\ud83d\ude80".repeat(1 + r.nextInt(Math.max(1, max / 4)));
      case 5:
        return "\u202e\u0000\u0007\r\u2028" + word();
      default: {
        int n = r.nextInt(Math.max(1, Math.min(max, 80)));
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
          c[i] = (char) (32 + r.nextInt(95));
        }
        return new String(c);
      }
    }
  }

  private <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  // ================================================================== whole frames of doubtful bytes

  private Case mutated() {
    byte[] base = request().toByteArray();
    switch (r.nextInt(9)) {
      case 0: {
        byte[] b = base.clone();
        for (int k = 1 + r.nextInt(4); k > 0 && b.length > 0; k--) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return new Case(Shape.FRAME, b, "bit flips");
      }
      case 1:
        return new Case(Shape.FRAME, Arrays.copyOf(base, base.length == 0 ? 0 : r.nextInt(base.length)),
            "a message cut short inside");
      case 2: {
        byte[] junk = new byte[1 + r.nextInt(32)];
        r.nextBytes(junk);
        int at = base.length == 0 ? 0 : r.nextInt(base.length);
        return new Case(Shape.FRAME, concat(Arrays.copyOf(base, at), junk, Arrays.copyOfRange(base, at, base.length)),
            "random bytes inserted");
      }
      case 3:
        return new Case(Shape.FRAME, concat(base, unknownField()), "an unknown field appended");
      case 4:
        return new Case(Shape.FRAME, unknownOneof(), "an unknown oneof member only");
      case 5:
        return new Case(Shape.FRAME, invalidUtf8(), "invalid UTF-8 inside a string");
      case 6:
        return new Case(Shape.FRAME, truncatedVarint(), "a varint cut short at the end of the message");
      case 7: {
        byte[] b = new byte[r.nextInt(64)];
        r.nextBytes(b);
        return new Case(Shape.FRAME, b, "random bytes");
      }
      default:
        return new Case(Shape.FRAME, atTheCap(CAP - r.nextInt(3)), "a frame at or just under the 64 KiB cap");
    }
  }

  /** An unknown field of any wire type, with a field number past the known ones. */
  private byte[] unknownField() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(out);
    try {
      int field = 100 + r.nextInt(100_000);
      switch (r.nextInt(4)) {
        case 0:
          c.writeUInt64(field, r.nextLong());
          break;
        case 1:
          c.writeFixed64(field, r.nextLong());
          break;
        case 2:
          c.writeFixed32(field, r.nextInt());
          break;
        default:
          byte[] payload = new byte[r.nextInt(2000)];
          r.nextBytes(payload);
          c.writeByteArray(field, payload);
          break;
      }
      c.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** A request id and a body in a oneof field this server does not know (a newer client): UNIMPLEMENTED. */
  private byte[] unknownOneof() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(out);
    try {
      c.writeUInt64(1, 1 + r.nextInt(1000));
      c.writeByteArray(44 + r.nextInt(50), new byte[] {0x0a, 0x01, 0x41});
      c.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** SendMessage (field 15) whose text (field 3) is not UTF-8: proto3 strings must be, so the frame is bad. */
  private byte[] invalidUtf8() {
    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
    byte[] text = concat("ok ".getBytes(StandardCharsets.UTF_8), bad[r.nextInt(bad.length)]);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CodedOutputStream b = CodedOutputStream.newInstance(body);
      b.writeString(1, pick(games));
      b.writeByteArray(3, text);
      b.flush();
      CodedOutputStream c = CodedOutputStream.newInstance(out);
      c.writeUInt64(1, 1 + r.nextInt(1000));
      c.writeByteArray(r.nextBoolean() ? 15 : 10, body.toByteArray());
      c.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** A valid prefix, then a varint whose continuation bit promises a byte that never comes. */
  private byte[] truncatedVarint() {
    byte[] base = request().toByteArray();
    byte[] tail = r.nextBoolean() ? new byte[] {0x08, (byte) 0x80} // field 1, varint cut short
        : new byte[] {0x08, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01}; // 11 bytes: overlong
    return concat(base, tail);
  }

  /** A parseable Ping padded with one unknown bytes field to exactly {@code size} bytes. */
  static byte[] atTheCap(int size) {
    // Ping request (id 7): 08 07 8a 01 00 = 5 bytes, then field 200 (tag 2 bytes), length varint (3 bytes).
    byte[] head = {0x08, 0x07, (byte) 0x8a, 0x01, 0x00};
    int tagAndLength = 2 + 3;
    int pad = size - head.length - tagAndLength;
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put(head);
    b.put((byte) 0xC2).put((byte) 0x0C); // field 200, wire type 2
    b.put((byte) (0x80 | (pad & 0x7F))).put((byte) (0x80 | ((pad >> 7) & 0x7F))).put((byte) (pad >> 14));
    b.put(new byte[pad]);
    return b.array();
  }

  // ================================================================== broken framing

  private Case broken() {
    ByteBuffer b;
    switch (r.nextInt(7)) {
      case 0:
        b = ByteBuffer.allocate(4).putInt(CAP + 1 + r.nextInt(3));
        return new Case(Shape.BROKEN, b.array(), "a length just over the 64 KiB cap");
      case 1:
        return new Case(Shape.BROKEN, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            "a length of 2^32 - 1");
      case 2: {
        byte[] p = request().toByteArray();
        if (p.length >= CAP) {
          p = Arrays.copyOf(p, CAP / 2);
        }
        int claimed = p.length + 1 + r.nextInt(CAP - p.length);
        b = ByteBuffer.allocate(4 + p.length).putInt(claimed).put(p);
        return new Case(Shape.BROKEN, b.array(), "a length longer than what follows, then end of input");
      }
      case 3:
        return new Case(Shape.BROKEN, Arrays.copyOf(new byte[] {0, 0, 0, 9}, 1 + r.nextInt(3)),
            "a length prefix cut short, then end of input");
      case 4:
        b = ByteBuffer.allocate(4 + CAP).putInt(CAP).put(atTheCap(CAP));
        return new Case(Shape.BROKEN, Arrays.copyOf(b.array(), 4 + r.nextInt(CAP)),
            "a frame of exactly 64 KiB cut short, then end of input");
      case 5: {
        byte[] junk = new byte[1 + r.nextInt(300)];
        r.nextBytes(junk);
        return new Case(Shape.BROKEN, junk, "raw random bytes, then end of input");
      }
      default:
        b = ByteBuffer.allocate(4).putInt(Integer.MIN_VALUE + r.nextInt(1000));
        return new Case(Shape.BROKEN, b.array(), "a length with the top bit set");
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
