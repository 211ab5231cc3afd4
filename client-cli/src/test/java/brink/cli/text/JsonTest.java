package brink.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Report;
import brink.protocol.v1.SeatCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scripted mode's JSON: proto3 JSON names and values, escapes, one line. */
class JsonTest {
  @Test
  void messages_useJsonNames_enumNames_andStringsFor64BitIntegers() {
    assertThat(Json.write(GameCreated.newBuilder().setGameId("K7QX3M")
        .addSeatCodes(SeatCode.newBuilder().setActor("rus").setCode("AAAA-BBBB-CCCC")).build()))
        .isEqualTo("{\"gameId\":\"K7QX3M\",\"seatCodes\":[{\"actor\":\"rus\",\"code\":\"AAAA-BBBB-CCCC\"}]}");
    assertThat(Json.write(Report.newBuilder().setSeed(-1L).setTurnsPlayed(3).build()))
        .isEqualTo("{\"seed\":\"18446744073709551615\",\"turnsPlayed\":3}");
    assertThat(Json.write(Error.newBuilder().setCode(ErrorCode.NOT_FOUND).putDetails("field", "game_id").build()))
        .isEqualTo("{\"code\":\"NOT_FOUND\",\"details\":{\"field\":\"game_id\"}}");
  }

  @Test
  void valuesAreEscaped_andNumbersWritten_plainly() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", "say \"hi\"\n\tto\\all");
    m.put("n", 2.5);
    m.put("whole", 3.0);
    m.put("list", List.of(true, 1, "x"));
    m.put("none", null);
    assertThat(Json.write(m)).isEqualTo(
        "{\"text\":\"say \\\"hi\\\"\\n\\tto\\\\all\",\"n\":2.5,\"whole\":3,\"list\":[true,1,\"x\"],\"none\":null}");
  }
}
