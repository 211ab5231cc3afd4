package brink.server.testkit;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.ServerMessage;
import brink.server.session.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection without a network, for games driven in the test's own thread: it keeps every message it is
 * sent, is always open, and says its Hello carried the instructor key.
 */
public final class RecordingConnection implements Connection {
  /** Every message sent, in order. */
  public final List<ServerMessage> sent = new ArrayList<>();

  @Override
  public void send(ServerMessage message) {
    sent.add(message);
  }

  @Override
  public void disconnect(Disconnect reason) {}

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public boolean instructorKey() {
    return true;
  }

  @Override
  public String remote() {
    return "test";
  }
}
