package brink.engine;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over the engine's own canonical encoding of a state (engine-model.md Part II-c §8): every field in
 * a fixed order through a {@link DataOutputStream}, doubles as {@link Double#doubleToLongBits}, strings as
 * modified UTF-8, arrays by rank. Independent of locale, JDK and hash-map order.
 */
final class StateDigest {
  /** Version of the encoding; change it when the field list changes. */
  private static final String FORMAT = "brink-state-v1";

  private StateDigest() {}

  static String of(GameState s) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), md), 4096))) {
      write(s, out);
    } catch (IOException e) {
      throw new UncheckedIOException("digest of an in-memory stream", e);
    }
    return hex(md.digest());
  }

  private static void write(GameState s, DataOutputStream out) throws IOException {
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
    for (int d = 0; d < 2 * t.pairCount; d++) {
      out.writeInt(t.from[d]);
      out.writeInt(t.to[d]);
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
      out.writeUTF(e.cameo());
      writeDouble(out, e.goldstein());
      writeDouble(out, e.magnitude());
      out.writeBoolean(e.verbal());
      out.writeInt(e.esPoints());
      out.writeUTF(e.visibility().name());
      out.writeBoolean(e.detected());
      out.writeInt(e.parties().size());
      for (String p : e.parties()) {
        out.writeUTF(p);
      }
      out.writeUTF(e.effect());
    }
  }

  private static void writeDouble(DataOutputStream out, double v) throws IOException {
    out.writeLong(Double.doubleToLongBits(v));
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
