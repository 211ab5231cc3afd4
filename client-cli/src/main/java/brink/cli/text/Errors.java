package brink.cli.text;

import brink.protocol.v1.Error;
import java.util.Locale;

/**
 * The server's errors as one sentence in the reader's language. The server writes one English sentence
 * that names the ids at fault and says what to do; English readers get it as is. French readers get the
 * translation of the engine's reason code when there is one, or of the error's kind, followed by the
 * server's sentence for the details.
 */
public final class Errors {
  private Errors() {}

  /** One sentence for an Error answer. */
  public static String describe(I18n i, Error e) {
    String server = sentence(e.getMessage());
    String field = e.getDetailsOrDefault("field", "");
    String reason = e.getDetailsOrDefault("reason", "");
    if (e.getCode() == brink.protocol.v1.ErrorCode.UNAUTHENTICATED && field.equals("code")) {
      return i.t("error.badCode");
    }
    if ("en".equals(i.lang())) {
      return server.isEmpty() ? i.t("error.code." + code(e)) : server;
    }
    if (!reason.isEmpty() && i.has("reason." + reason)) {
      return sentence(i.t("error.refused", i.t("reason." + reason))) + (server.isEmpty() ? "" : " (" + e.getMessage().strip() + ")");
    }
    return i.t("error.code." + code(e)) + (server.isEmpty() ? "" : " " + i.t("error.serverSaid", e.getMessage().strip()));
  }

  /** Why the engine refused a move: the server's own sentence in English, the reason's translation in French. */
  public static String reason(I18n i, String reason, String serverMessage) {
    if ("en".equals(i.lang()) && serverMessage != null && !serverMessage.isBlank()) {
      return serverMessage.strip();
    }
    String key = "reason." + reason;
    return i.has(key) ? i.t(key) : (serverMessage == null ? reason : serverMessage.strip());
  }

  private static String code(Error e) {
    switch (e.getCode()) {
      case INVALID_ARGUMENT:
      case UNAUTHENTICATED:
      case PERMISSION_DENIED:
      case NOT_FOUND:
      case FAILED_PRECONDITION:
      case RESOURCE_EXHAUSTED:
      case UNAVAILABLE:
      case UNIMPLEMENTED:
        return e.getCode().name();
      default:
        return "INTERNAL";
    }
  }

  /** Capitalized, ending with a period. */
  public static String sentence(String s) {
    String m = s == null ? "" : s.strip();
    if (m.isEmpty()) {
      return m;
    }
    m = m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
    return m.endsWith(".") || m.endsWith("?") || m.endsWith("!") ? m : m + ".";
  }
}
