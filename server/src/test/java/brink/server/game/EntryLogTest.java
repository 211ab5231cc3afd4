package brink.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.GameCreatedEntry;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.MessageEntry;
import brink.protocol.v1.OrdersEntry;
import org.junit.jupiter.api.Test;

class EntryLogTest {
  private static JournalEntry orders(long requestId, String actor, String target) {
    return JournalEntry.newBuilder().setRequestId(requestId).setRecordedAtEpochMillis(1_700_000_000_000L + requestId)
        .setOrders(OrdersEntry.newBuilder().setParticipantId("p-" + actor).setActor(actor).setTurn(3)
            .addMoves(Move.newBuilder().setType(MoveType.NEGOTIATE).setTarget(target)))
        .build();
  }

  @Test
  void entriesComeBackEqual_inTheOrderAdded_atTheIndexAddReturned() {
    EntryLog log = new EntryLog();
    JournalEntry a = orders(7, "usa", "rus");
    JournalEntry b = JournalEntry.newBuilder().setRequestId(8)
        .setMessage(MessageEntry.newBuilder().setMessageId(1).setFromActor("rus").addTo("ukr").setText("é, 🇺🇦"))
        .build();
    JournalEntry c = orders(9, "ukr", "blr");

    assertThat(log.add(a)).isZero();
    assertThat(log.add(b)).isEqualTo(1);
    assertThat(log.add(c)).isEqualTo(2);

    assertThat(log.size()).isEqualTo(3);
    // Orders and messages are kept serialized: what comes back is an equal entry, not the one added.
    assertThat(log.get(0)).isEqualTo(a).isNotSameAs(a);
    assertThat(log.get(1)).isEqualTo(b).isNotSameAs(b);
    assertThat(log.all()).containsExactly(a, b, c);
  }

  @Test
  void entriesOtherThanOrdersAndMessages_areKeptAsTheObjects_notCopied() {
    EntryLog log = new EntryLog();
    JournalEntry created = JournalEntry.newBuilder()
        .setGameCreated(GameCreatedEntry.newBuilder().setScenarioText("x".repeat(100_000))).build();
    log.add(created);
    log.add(orders(1, "usa", "rus"));
    assertThat(log.get(0)).isSameAs(created);
    assertThat(log.get(0).getGameCreated().getScenarioText()).isSameAs(created.getGameCreated().getScenarioText());
    assertThat(log.all()).containsExactly(created, orders(1, "usa", "rus"));
  }

  @Test
  void all_isTheCallersOwnList_theLogGoesOnUnchanged() {
    EntryLog log = new EntryLog();
    log.add(orders(1, "usa", "rus"));
    log.all().clear();
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.all()).hasSize(1);
  }

  @Test
  void get_outsideTheLog_fails() {
    EntryLog log = new EntryLog();
    log.add(orders(1, "usa", "rus"));
    assertThatThrownBy(() -> log.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
