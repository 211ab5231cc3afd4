package brink.server.net;

/**
 * Frame sizes of the brink.v1 transport (architecture.md, "Protocol"). A frame is a 4-byte
 * big-endian length followed by that many bytes of one protobuf message; the limits count the
 * message bytes, not the prefix.
 */
public final class FrameLimits {
  /** Bytes of the length prefix. */
  public static final int LENGTH_PREFIX_BYTES = 4;
  /** Largest frame a client may send: 64 KiB. */
  public static final int CLIENT_FRAME_BYTES = 64 * 1024;
  /** Largest frame an authenticated instructor may send (scenario text uploads): 4 MiB. */
  public static final int INSTRUCTOR_FRAME_BYTES = 4 * 1024 * 1024;
  /** Largest frame the server sends: 4 MiB. */
  public static final int SERVER_FRAME_BYTES = 4 * 1024 * 1024;

  private FrameLimits() {}
}
