package brink.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

/**
 * The server's secrets: game ids, join codes, session tokens, and how they are compared. Codes and tokens
 * come from an injected {@link Random} (a {@link java.security.SecureRandom} in production) and are only
 * ever compared through {@link #matches} (SHA-256 then {@link MessageDigest#isEqual}, constant time).
 */
public final class Secrets {
  /**
   * Letters and digits a person reads and types without confusion: no 0/O, 1/I/L. 31 symbols, so a
   * 12-symbol code carries 59 bits and cannot be guessed at the rate limit.
   */
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  /** Symbols of a game id (public: it names the game, it does not admit anyone). */
  public static final int GAME_ID_LENGTH = 6;
  /** Symbols of a join code, shown as three groups of four. */
  public static final int CODE_LENGTH = 12;

  private final Random random;

  public Secrets(Random random) {
    this.random = random;
  }

  /** A new game id, e.g. "K7QX3M". */
  public String gameId() {
    return symbols(GAME_ID_LENGTH);
  }

  /** A new join code, e.g. "4F7K-9QXM-2TRB". */
  public String code() {
    String s = symbols(CODE_LENGTH);
    return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
  }

  /** A new session token: 32 random bytes, base64url without padding. */
  public String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** A seed for a game whose creator gave none (never 0, which means "pick one"). */
  public long seed() {
    long s = 0;
    while (s == 0) {
      s = random.nextLong();
    }
    return s;
  }

  private String symbols(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** A code as typed, made comparable: upper case, without blanks and dashes. */
  public static String normalizeCode(String typed) {
    StringBuilder sb = new StringBuilder(typed.length());
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c != '-' && !Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  /** SHA-256 of the UTF-8 bytes. */
  public static byte[] sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Constant-time comparison of a presented secret with a known one (both hashed first). */
  public static boolean matches(String presented, String known) {
    return MessageDigest.isEqual(sha256(presented), sha256(known));
  }

  /** Constant-time comparison of two digests. */
  public static boolean matches(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
