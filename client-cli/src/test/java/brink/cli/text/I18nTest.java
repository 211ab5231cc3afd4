package brink.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message exists in English and French, with the same placeholders, and every key the code uses exists. */
class I18nTest {
  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = I18n.class.getResourceAsStream("/brink/cli/" + name)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static Set<String> placeholders(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\d+}").matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void englishAndFrench_haveTheSameKeys_andTheSamePlaceholders() throws IOException {
    Properties en = bundle("messages.properties");
    Properties fr = bundle("messages_fr.properties");
    assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String k : en.stringPropertyNames()) {
      assertThat(placeholders(fr.getProperty(k))).as(k).isEqualTo(placeholders(en.getProperty(k)));
      assertThat(fr.getProperty(k)).as(k).isNotBlank();
    }
  }

  @Test
  void everyKeyTheCodeNames_existsInTheBundle() throws IOException {
    Properties en = bundle("messages.properties");
    List<String> missing = new ArrayList<>();
    Pattern literal = Pattern.compile("\\bt\\(\"([a-zA-Z0-9_.]+)\"|\"(help\\.[a-zA-Z.]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          String key = m.group(1) != null ? m.group(1) : m.group(2);
          if (!key.endsWith(".") && !en.containsKey(key)) {
            missing.add(f.getFileName() + ": " + key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void keysBuiltFromEnums_existForEveryValue() {
    I18n en = I18n.of("en");
    List<String> keys = new ArrayList<>();
    for (MoveType t : MoveWords.types()) {
      keys.add("move." + t.name());
      keys.add("event." + t.name());
    }
    keys.add("event.DEPLOY_TROOPS.generic");
    keys.add("event.WITHDRAW_TROOPS.generic");
    for (Phase p : Phase.values()) {
      if (p != Phase.PHASE_UNSPECIFIED && p != Phase.UNRECOGNIZED) {
        keys.add("phase." + p.name());
      }
    }
    for (Role r : List.of(Role.PLAYER, Role.OBSERVER, Role.INSTRUCTOR)) {
      keys.add("role." + r.name());
      keys.add("join.done." + r.name());
      keys.add("join.wrongRole." + r.name());
    }
    for (OutcomeType o : OutcomeType.values()) {
      if (o != OutcomeType.OUTCOME_UNSPECIFIED && o != OutcomeType.UNRECOGNIZED) {
        keys.add("outcome." + o.name());
      }
    }
    for (ErrorCode c : ErrorCode.values()) {
      if (c != ErrorCode.ERROR_CODE_UNSPECIFIED && c != ErrorCode.UNRECOGNIZED) {
        keys.add("error.code." + c.name());
      }
    }
    for (brink.engine.RejectionReason r : brink.engine.RejectionReason.values()) {
      keys.add("reason." + r.name());
    }
    for (MoveWords.Arg a : MoveWords.Arg.values()) {
      keys.add("arg." + a.name());
      keys.add("arg.usage." + a.name());
    }
    for (String w : List.of("start", "pause", "resume", "force", "continue", "extend", "end", "inject", "kick",
        "assign")) {
      keys.add("done." + w);
    }
    for (String k : List.of("order.unknownActor", "order.unknownUnit", "order.unknownRegion")) {
      keys.add(k + ".suggest");
    }
    assertThat(keys).allMatch(en::has, "has a message");
  }

  @Test
  void frenchNumbers_useADecimalComma_andPlainSpacesForThousands() {
    assertThat(I18n.of("fr").number(48.25, 1)).isEqualTo("48,2");
    assertThat(I18n.of("en").number(48.25, 1)).isEqualTo("48.2");
    assertThat(I18n.of("fr").count(1700)).isEqualTo("1 700");
    assertThat(I18n.of("en").count(1700)).isEqualTo("1,700");
  }

  @Test
  void aFrenchSystemLocale_doesNotLeakIntoEnglish() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.FRANCE);
      assertThat(I18n.of("en").t("help.quit")).startsWith("Leave the client");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void placeholders_areReplacedAsIs_apostrophesIncluded() {
    assertThat(I18n.of("fr").t("order.unknownUnit", "x", "a, b")).isEqualTo("« x » n'est pas une unité : vos unités sont a, b.");
    assertThat(I18n.of("en").t("order.unknownUnit", "x", "a, b")).isEqualTo("'x' is not a unit: your units are a, b.");
  }
}
