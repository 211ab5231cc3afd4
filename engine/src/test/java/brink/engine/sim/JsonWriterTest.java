package brink.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void number_sixDecimalsHalfEven_plainNotation() {
    assertThat(JsonWriter.number(42.84137)).isEqualTo("42.841370");
    assertThat(JsonWriter.number(1e-9)).isEqualTo("0.000000");
    assertThat(JsonWriter.number(1e20)).isEqualTo("100000000000000000000.000000");
    assertThat(JsonWriter.number(-0.0)).isEqualTo("0.000000");
    assertThat(JsonWriter.number(-7.2)).isEqualTo("-7.200000");
    // 0.0000005 is not exactly representable: the exact binary value decides, never a decimal string.
    assertThat(JsonWriter.number(0.0000025)).isEqualTo(new java.math.BigDecimal(0.0000025)
        .setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString());
  }

  @Test
  void number_rejectsNonFinite() {
    assertThatThrownBy(() -> JsonWriter.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonWriter.number(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void write_nestedDocument_commasAndKeysInWrittenOrder() {
    String json = new JsonWriter().beginObject()
        .field("b", 1L)
        .field("a", "x")
        .key("list").beginArray().value(1.5).value(true).nullValue().beginObject().endObject().endArray()
        .key("empty").beginArray().endArray()
        .endObject().toJson();
    assertThat(json).isEqualTo("{\"b\":1,\"a\":\"x\",\"list\":[1.500000,true,null,{}],\"empty\":[]}");
  }

  @Test
  void string_escapesQuotesControlsAndEveryNonAsciiCharacter() {
    String json = new JsonWriter().value("é\"\\\n\t\u0001\u007f€😀/").toJson();
    assertThat(json).isEqualTo("\"\\u00e9\\\"\\\\\\n\\t\\u0001\\u007f\\u20ac\\ud83d\\ude00/\"");
    assertThat(json.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).isTrue();
  }

  @Test
  void write_sameBytesUnderAnyDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = new JsonWriter().beginArray().value(1234567.891).value(-0.5).value(10L).endArray().toJson();
      Locale.setDefault(Locale.FRANCE);
      String fr = new JsonWriter().beginArray().value(1234567.891).value(-0.5).value(10L).endArray().toJson();
      Locale.setDefault(new Locale("ar", "EG"));
      String ar = new JsonWriter().beginArray().value(1234567.891).value(-0.5).value(10L).endArray().toJson();
      assertThat(fr).isEqualTo(root).isEqualTo(ar).isEqualTo("[1234567.891000,-0.500000,10]");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void misuse_isAProgrammingErrorNotSilentGarbage() {
    assertThatThrownBy(() -> new JsonWriter().beginObject().value(1L))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonWriter().beginArray().toJson())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonWriter().beginArray().endObject())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonWriter().value(1L).value(2L))
        .isInstanceOf(IllegalStateException.class);
  }
}
