package brink.protocol.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The brink.v1 .proto files are the protocol's documentation for clients in other languages: every
 * message, enum, oneof, field and enum value must carry a comment (on the line before, or at the
 * end of its line), and the files must stay plain proto3.
 */
class ProtocolDocumentationTest {
  private static final Path V1 = Path.of("src/main/proto/brink/v1");
  private static final Pattern DECLARATION = Pattern.compile(
      "^(message|enum|oneof)\\s+\\w+\\s*\\{.*"
          + "|^((repeated|optional)\\s+)?[\\w.]+(<[\\w., ]+>)?\\s+\\w+\\s*=\\s*\\d+\\s*;.*"
          + "|^[A-Z][A-Z0-9_]*\\s*=\\s*\\d+\\s*;.*");

  private static List<Path> protoFiles() throws IOException {
    try (Stream<Path> files = Files.list(V1)) {
      return files.filter(p -> p.toString().endsWith(".proto")).sorted().toList();
    }
  }

  @Test
  void everyDeclarationOfBrinkV1_hasAComment() throws IOException {
    List<String> undocumented = new ArrayList<>();
    int declarations = 0;
    for (Path file : protoFiles()) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (!DECLARATION.matcher(line).matches()) {
          continue;
        }
        declarations++;
        boolean commentBefore = i > 0 && lines.get(i - 1).trim().startsWith("//");
        if (!commentBefore && !line.contains("//")) {
          undocumented.add(file.getFileName() + ":" + (i + 1) + ": " + line);
        }
      }
    }
    assertThat(declarations).as("declarations found (is the pattern still matching?)").isGreaterThan(300);
    assertThat(undocumented).as("declarations without a comment").isEmpty();
  }

  @Test
  void everyFileOfBrinkV1_isProto3InPackageBrinkV1WithTheJavaOptions() throws IOException {
    List<Path> files = protoFiles();
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("client.proto", "server.proto", "common.proto", "view.proto", "report.proto", "journal.proto");
    for (Path file : files) {
      String text = Files.readString(file);
      assertThat(text).as(file.toString())
          .contains("syntax = \"proto3\";")
          .contains("package brink.v1;")
          .contains("option java_package = \"brink.protocol.v1\";")
          .contains("option java_multiple_files = true;")
          .doesNotContain("edition")
          .doesNotContain("required ");
    }
  }

  @Test
  void clientMessage_offersEveryRequestOfTheProtocol() {
    assertThat(ClientMessage.getDescriptor().getOneofs()).singleElement().satisfies(body ->
        assertThat(body.getFields()).extracting(f -> f.getMessageType().getName()).containsExactlyInAnyOrder(
            "Hello", "ResumeSession", "JoinGame", "SubmitOrders", "SetReady", "SendMessage", "GetState",
            "Ping", "CreateGame", "StartGame", "PauseGame", "ResumeGame", "ExtendDeadline", "ForceResolve",
            "Inject", "PreviewInject", "ContinueGame", "EndGame", "ListGames", "AssignSeat", "Kick",
            "GetReport"));
  }
}
