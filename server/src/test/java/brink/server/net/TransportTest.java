package brink.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportTest {

  @AfterEach
  void forget() {
    System.clearProperty(Transport.PROPERTY);
  }

  @Test
  void best_onLinuxX86_isEpoll_soTheNativeLibraryShipsWithTheServer() {
    assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
        "Netty's epoll library is shipped for Linux x86_64 only");
    assertThat(Transport.best()).isEqualTo(Transport.EPOLL);
    assertThat(Transport.EPOLL.serverChannel()).isEqualTo(EpollServerSocketChannel.class);
    assertThat(Transport.EPOLL.socketChannel()).isEqualTo(EpollSocketChannel.class);
  }

  @Test
  void best_askedForNio_isNio_whateverTheMachine() {
    System.setProperty(Transport.PROPERTY, " NIO ");
    assertThat(Transport.best()).isEqualTo(Transport.NIO);
    assertThat(Transport.NIO.serverChannel()).isEqualTo(NioServerSocketChannel.class);
    assertThat(Transport.NIO.socketChannel()).isEqualTo(NioSocketChannel.class);
    assertThat(Transport.NIO).hasToString("nio");
  }

  @Test
  void best_askedForAnUnknownTransport_saysWhichOnesExist() {
    System.setProperty(Transport.PROPERTY, "kqueue");
    assertThatThrownBy(Transport::best).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-Dbrink.transport is nio or epoll, not 'kqueue'");
  }
}
