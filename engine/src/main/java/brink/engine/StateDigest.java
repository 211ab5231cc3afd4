package brink.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over the engine's own canonical encoding of a state (engine-model.md Part II-c §8): every field in
 * a fixed order, big-endian like {@code DataOutputStream} (ints 4 bytes, booleans 1 byte, doubles as
 * {@link Double#doubleToLongBits}), strings as their UTF-8 length then bytes, arrays by rank. Independent of
 * locale, JDK and hash-map order. The encoder is a plain byte array: a stream per field cost more than the
 * hash itself.
 */
final class StateDigest {
  /** Version of the encoding; change it when the field list changes. */
  private static final String FORMAT = "brink-state-v1";

  /** A never-used SHA-256 instance to clone: cheaper than a provider lookup per digest. */
  private static final MessageDigest PROTOTYPE = sha256();

  private StateDigest() {}

  static String of(GameState s) {
    Topology t = s.topo;
    Encoder out = new Encoder(256 + 64 * t.n + 120 * t.pairCount + 96 * s.lastEvents.size());
    write(s, out);
    MessageDigest md = newDigest();
    md.update(out.buf, 0, out.size);
    return hex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return sha256();
    }
  }

  private static void write(GameState s, Encoder out) {
    Topology t = s.topo;
    out.writeUTF(FORMAT);
    out.writeUTF(t.scenario.id());
    out.writeLong(s.seed);
    out.writeInt(s.turn);
    out.writeUTF(s.outcome.name());
    out.writeInt(s.outcomeTurn);
    out.writeInt(t.n);
    for (int i = 0; i < t.n; i++) {
      out.writeUTF(t.actorIds[i]);
      out.writeInt(s.alert[i]);
      out.writeInt(s.minAlert[i]);
      writeDouble(out, s.stability[i]);
      writeDouble(out, s.audienceCost[i]);
      writeDouble(out, s.econ[i]);
      writeDouble(out, s.reserve[i]);
      out.writeInt(s.escalationTotal[i]);
    }
    out.writeInt(t.pairCount);
    for (int p = 0; p < t.pairCount; p++) {
      out.writeUTF(t.pairs[p].a());
      out.writeUTF(t.pairs[p].b());
    }
    // Directed dyads in (pair, a→b then b→a) order, the order the pairs were just listed in.
    for (int d = 0; d < 2 * t.pairCount; d++) {
      writeDouble(out, s.hostility[d]);
      writeDouble(out, s.grievance[d]);
      writeDouble(out, s.trust[d]);
      writeDouble(out, s.deployed[d]);
      writeDouble(out, s.deployed0[d]);
      out.writeBoolean(s.sanctions[d]);
      writeDouble(out, s.visibleFlow[d]);
    }
    for (int p = 0; p < t.pairCount; p++) {
      writeDouble(out, s.progress[p]);
      out.writeInt(s.floor[p]);
      out.writeInt(s.rung[p]);
      out.writeBoolean(s.signed[p]);
      out.writeBoolean(s.talksOpen[p]);
      out.writeBoolean(s.talksActive[p]);
      out.writeBoolean(s.relationsBroken[p]);
      out.writeInt(s.warStreak[p]);
    }
    out.writeInt(s.tacitStreak);
    out.writeInt(s.frozenStreak);
    out.writeInt(t.unitIds.length);
    for (int k = 0; k < t.unitIds.length; k++) {
      out.writeUTF(t.unitIds[k]);
      out.writeUTF(t.regionIds[s.unitLocation[k]]);
      out.writeBoolean(s.unitOnAlert[k]);
    }
    out.writeInt(t.injects.length);
    for (int k = 0; k < t.injects.length; k++) {
      out.writeUTF(t.injects[k].id());
      out.writeBoolean(s.injectFired[k]);
    }
    out.writeInt(s.lastEvents.size());
    for (Event e : s.lastEvents) {
      out.writeUTF(e.actor());
      out.writeUTF(e.type().name());
      out.writeUTF(e.target());
      out.writeUTF(e.targetB());
      out.writeUTF(e.unit());
      out.writeUTF(e.region());
      // cameo, goldstein and verbal are functions of the type (MoveCatalogue): not encoded again.
      writeDouble(out, e.magnitude());
      out.writeInt(e.esPoints());
      out.writeUTF(e.visibility().name());
      out.writeBoolean(e.detected());
      out.writeInt(e.parties().size());
      for (String p : e.parties()) {
        out.writeUTF(p);
      }
      out.writeUTF(e.effect());
      writeDouble(out, e.quantity());
    }
  }

  private static void writeDouble(Encoder out, double v) {
    out.writeLong(Double.doubleToLongBits(v));
  }

  /** A growable big-endian byte buffer. */
  private static final class Encoder {
    byte[] buf;
    int size;

    Encoder(int capacity) {
      buf = new byte[capacity];
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    void writeBoolean(boolean v) {
      ensure(1);
      buf[size++] = (byte) (v ? 1 : 0);
    }

    void writeInt(int v) {
      ensure(4);
      buf[size++] = (byte) (v >>> 24);
      buf[size++] = (byte) (v >>> 16);
      buf[size++] = (byte) (v >>> 8);
      buf[size++] = (byte) v;
    }

    void writeLong(long v) {
      writeInt((int) (v >>> 32));
      writeInt((int) v);
    }

    void writeUTF(String v) {
      byte[] b = v.getBytes(StandardCharsets.UTF_8);
      writeInt(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }
  }

  private static String hex(byte[] bytes) {
    char[] digits = "0123456789abcdef".toCharArray();
    char[] out = new char[bytes.length * 2];
    for (int k = 0; k < bytes.length; k++) {
      out[2 * k] = digits[(bytes[k] >> 4) & 0xF];
      out[2 * k + 1] = digits[bytes[k] & 0xF];
    }
    return new String(out);
  }
}
