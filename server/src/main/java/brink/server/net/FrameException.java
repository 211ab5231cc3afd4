package brink.server.net;

import brink.protocol.v1.ErrorCode;
import io.netty.handler.codec.DecoderException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A frame the connection cannot survive: too long, or not a ClientMessage. The decoder throws it
 * once and ignores everything the connection sends afterwards; {@link ConnectionErrorHandler}
 * answers with a final Error carrying {@link #code()}, {@link #getMessage()} and {@link #details()},
 * then closes.
 */
public final class FrameException extends DecoderException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final Map<String, String> details;

  private FrameException(ErrorCode code, String message, Map<String, String> details, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.details = Map.copyOf(details);
  }

  /** A length prefix over the connection's limit (refused before any of the frame is buffered). */
  static FrameException tooLong(long frameBytes, int limitBytes) {
    Map<String, String> details = new TreeMap<>();
    details.put("frame_bytes", Long.toString(frameBytes));
    details.put("limit_bytes", Integer.toString(limitBytes));
    return new FrameException(ErrorCode.RESOURCE_EXHAUSTED, "a frame of " + frameBytes
        + " bytes is over this connection's limit of " + limitBytes + " bytes; send smaller messages "
        + "(scenario text needs an instructor session)", details, null);
  }

  /** A frame whose bytes are not a ClientMessage. */
  static FrameException malformed(int frameBytes, Throwable cause) {
    return new FrameException(ErrorCode.INVALID_ARGUMENT, "a frame of " + frameBytes
        + " bytes is not a brink.v1.ClientMessage; each frame must be a 4-byte big-endian length "
        + "followed by one serialized ClientMessage", Map.of("frame_bytes", Integer.toString(frameBytes)),
        cause);
  }

  /** The error code the final Error carries. */
  public ErrorCode code() {
    return code;
  }

  /** The final Error's details (snake_case keys). */
  public Map<String, String> details() {
    return details;
  }
}
