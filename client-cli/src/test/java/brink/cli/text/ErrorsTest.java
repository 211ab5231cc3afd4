package brink.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import org.junit.jupiter.api.Test;

/** The server's errors as one sentence in the reader's language. */
class ErrorsTest {
  @Test
  void english_readsTheServersSentence_asOneCapitalizedSentence() {
    Error e = Error.newBuilder().setCode(ErrorCode.FAILED_PRECONDITION).setMessage("the game is already paused").build();
    assertThat(Errors.describe(I18n.of("en"), e)).isEqualTo("The game is already paused.");
  }

  @Test
  void french_translatesTheEngineReason_orTheKindOfError() {
    Error reason = Error.newBuilder().setCode(ErrorCode.INVALID_ARGUMENT).setMessage("x: no region 'mars'")
        .putDetails("reason", "UNKNOWN_REGION").build();
    assertThat(Errors.describe(I18n.of("fr"), reason))
        .isEqualTo("Le serveur a refusé : cette région n'existe pas. (x: no region 'mars')");
    Error kind = Error.newBuilder().setCode(ErrorCode.PERMISSION_DENIED).setMessage("observers cannot send messages")
        .build();
    assertThat(Errors.describe(I18n.of("fr"), kind)).isEqualTo(
        "Votre rôle dans cette partie ne permet pas cela. (Le serveur a répondu : observers cannot send messages)");
  }

  @Test
  void aWrongCode_isTheSameClearSentence_whateverTheServerSaid() {
    Error e = Error.newBuilder().setCode(ErrorCode.UNAUTHENTICATED).setMessage("no game has this code")
        .putDetails("field", "code").build();
    assertThat(Errors.describe(I18n.of("en"), e)).startsWith("No game has this code: check it with your instructor");
    assertThat(Errors.describe(I18n.of("fr"), e)).startsWith("Aucune partie n'a ce code : vérifiez-le");
  }

  @Test
  void scenarioErrors_leadWithTheirLineAndColumn() {
    Error e = Error.newBuilder().setCode(ErrorCode.INVALID_ARGUMENT).setMessage("unknown actor 'xx'")
        .putDetails("line", "12").putDetails("column", "7").build();
    assertThat(Errors.describe(I18n.of("en"), e)).isEqualTo("line 12, column 7: Unknown actor 'xx'.");
  }
}
