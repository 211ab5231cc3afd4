package brink.cli.net;

import java.util.Locale;

/** Where a Brink server listens: {@code host:port}, {@code [v6-address]:port} or just {@code host}. */
public record Address(String host, int port) {
  /** The port a Brink server listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 7447;

  public Address {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the server address needs a host name, e.g. localhost:" + DEFAULT_PORT);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("a port is a number from 1 to 65535, not " + port);
    }
  }

  /**
   * Parses what a person typed.
   *
   * @throws IllegalArgumentException with one sentence saying what form is expected
   */
  public static Address parse(String text) {
    String s = text == null ? "" : text.strip();
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + s + "' is not a server address; write host:port, e.g. localhost:"
            + DEFAULT_PORT);
      }
      host = s.substring(1, close);
      if (close + 1 < s.length()) {
        if (s.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("'" + s + "' is not a server address; write [address]:port");
        }
        port = s.substring(close + 2);
      }
    } else {
      int colon = s.lastIndexOf(':');
      if (colon >= 0 && s.indexOf(':') == colon) {
        host = s.substring(0, colon);
        port = s.substring(colon + 1);
      }
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("'" + s + "' has no host name; write host:port, e.g. localhost:"
          + DEFAULT_PORT);
    }
    int p = DEFAULT_PORT;
    if (port != null) {
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        p = -1;
      }
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("'" + port + "' is not a port; a port is a number from 1 to 65535");
      }
    }
    return new Address(host.toLowerCase(Locale.ROOT), p);
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
