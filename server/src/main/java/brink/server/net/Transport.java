package brink.server.net;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;

/**
 * Which of Netty's transports carries the connections: its native epoll transport on Linux where its
 * library loads (fewer system calls and less garbage per frame than Java's NIO selector), NIO
 * everywhere else. {@code -Dbrink.transport=nio} forces NIO, e.g. to compare the two.
 */
public enum Transport {
  EPOLL,
  NIO;

  /** The system property that forces a transport ({@code nio} or {@code epoll}). */
  public static final String PROPERTY = "brink.transport";

  /**
   * Epoll where it is available, unless {@value #PROPERTY} says otherwise.
   *
   * @throws IllegalArgumentException if the property names no transport, or epoll where it cannot load
   */
  public static Transport best() {
    String asked = System.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT);
    switch (asked) {
      case "" -> {
        return Epoll.isAvailable() ? EPOLL : NIO;
      }
      case "nio" -> {
        return NIO;
      }
      case "epoll" -> {
        if (!Epoll.isAvailable()) {
          throw new IllegalArgumentException("-D" + PROPERTY + "=epoll, but Netty's epoll transport cannot load "
              + "here (" + Epoll.unavailabilityCause() + "); leave the property out to use NIO");
        }
        return EPOLL;
      }
      default -> throw new IllegalArgumentException("-D" + PROPERTY + " is nio or epoll, not '" + asked + "'");
    }
  }

  public IoHandlerFactory ioHandlers() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> socketChannel() {
    return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
