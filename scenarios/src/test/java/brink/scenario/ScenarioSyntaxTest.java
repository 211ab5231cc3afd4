package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntax errors: one located error, 1-based line:column, in words a teacher understands. */
class ScenarioSyntaxTest {
  private static ScenarioError only(LoadResult r) {
    assertThat(r.isOk()).isFalse();
    assertThat(r.errors()).hasSize(1);
    return r.errors().get(0);
  }

  private static ScenarioError only(String text) {
    return only(ScenarioLoader.load("s.txtpb", text));
  }

  @Test
  void truncatedFile_pointsAtTheEndAndNamesTheUnclosedBlock() {
    ScenarioError e = only(TestFiles.load("truncated.txtpb"));
    assertThat(e.code()).isEqualTo(ErrorCode.TRUNCATED);
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.message())
        .isEqualTo("the file ends before the \"name\" block opened at line 9:3 is closed (2 blocks are still open):"
            + " is the end of the file missing, or a \"}\"?");
  }

  @Test
  void truncatedFile_inTheMiddleOfAField() {
    ScenarioError e = only("id:");
    assertThat(e.code()).isEqualTo(ErrorCode.TRUNCATED);
    assertThat(e.toString()).isEqualTo("s.txtpb:1:4: the file ends after \"id\" without its value: is the end of the file missing?");
  }

  @Test
  void unknownFields_everyOneReportedWithTheClosestFieldName() {
    LoadResult r = TestFiles.load("unknown-fields.txtpb");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "unknown-fields.txtpb:8:3: unknown field \"hostilty\" in dyad; did you mean \"hostility\"?",
        "unknown-fields.txtpb:11:73: unknown field \"grievence\" in dyad; did you mean \"grievance\"?");
    assertThat(r.errors()).extracting(ScenarioError::code).containsOnly(ErrorCode.UNKNOWN_FIELD);
  }

  @Test
  void unknownField_farFromAnyName_listsTheFieldsOfTheBlock() {
    ScenarioError e = only("id: \"x\"\nregion { id: \"r\" zzz: 1 }");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(18);
    assertThat(e.message()).isEqualTo(
        "unknown field \"zzz\" in region; the fields of region are: id, name, sovereign, faces, barred_for");
  }

  @Test
  void unknownField_inANestedText_namesTheTextBlock() {
    ScenarioError e = only("title { en: \"t\" de: \"x\" }");
    assertThat(e.toString()).isEqualTo("s.txtpb:1:17: unknown field \"de\" in text; the fields of text are: en, fr");
  }

  @Test
  void wrongType_textWhereAWholeNumberIsExpected() {
    ScenarioError e = only(TestFiles.load("wrong-type.txtpb"));
    assertThat(e.code()).isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(e.toString()).isEqualTo("wrong-type.txtpb:6:10: \"alert\" expects a whole number, found \"three\"");
  }

  @Test
  void wrongType_eachKindOfFieldSaysWhatItExpects() {
    assertThat(only("dyad { from: \"a\"\n  hostility: abc }").toString())
        .isEqualTo("s.txtpb:2:14: \"hostility\" expects a number, found abc");
    assertThat(only("actor { nuclear: maybe }").toString())
        .isEqualTo("s.txtpb:1:18: \"nuclear\" expects true or false, found maybe");
    assertThat(only("actor { id: 3 }").toString())
        .isEqualTo("s.txtpb:1:13: \"id\" expects a text in quotes, found 3");
    assertThat(only("actor { regime: \"DEMOCRACY\" }").toString())
        .isEqualTo("s.txtpb:1:17: \"regime\" expects one of DEMOCRACY, AUTOCRACY (without quotes), found \"DEMOCRACY\"");
    assertThat(only("actor { alert: 3.5 }").toString())
        .isEqualTo("s.txtpb:1:16: \"alert\" expects a whole number, found 3.5");
    assertThat(only("actor { alert: 99999999999 }").toString())
        .isEqualTo("s.txtpb:1:16: \"alert\": 99999999999 is too large for a whole number");
    assertThat(only("rules { max_turns: 12.5 }").code()).isEqualTo(ErrorCode.WRONG_TYPE);
  }

  @Test
  void wrongType_blockWrittenAsAValue_andValueWrittenAsABlock() {
    ScenarioError block = only("actor { id: \"rus\" name: \"Russia\" }");
    assertThat(block.code()).isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(block.toString()).isEqualTo("s.txtpb:1:25: \"name\" is a block of fields, not a single value: write name { ... }");
    ScenarioError value = only("actor { id { en: \"rus\" } }");
    assertThat(value.code()).isEqualTo(ErrorCode.WRONG_TYPE);
    assertThat(value.toString()).isEqualTo("s.txtpb:1:12: \"id\" takes a single value, not a block: write id: \"...\"");
  }

  @Test
  void unknownEnumValue_listsTheValidValues() {
    ScenarioError e = only(TestFiles.load("unknown-enum.txtpb"));
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ENUM_VALUE);
    assertThat(e.toString())
        .isEqualTo("unknown-enum.txtpb:6:11: \"regime\" has no value DICTATORSHIP (valid values: DEMOCRACY, AUTOCRACY)");
  }

  @Test
  void unknownEnumValue_closeToAValidOne_suggestsIt() {
    ScenarioError e = only("historical { move { type: NEGOCIATE } }");
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ENUM_VALUE);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(27);
    assertThat(e.message()).startsWith("\"type\" has no value NEGOCIATE; did you mean NEGOTIATE? (valid values: WAIT, STATEMENT_REASSURE,");
  }

  @Test
  void unknownEnumNumber_isCaughtByTheValidatorAtItsPlace() {
    LoadResult r = ScenarioLoader.load("s.txtpb", TestFiles.text("valid-minimal.txtpb").replace(
        "actor { id: \"rus\" name { en: \"Russia\" } }", "actor { id: \"rus\" name { en: \"Russia\" } regime: 7 }"));
    assertThat(r.errors()).extracting(ScenarioError::toString)
        .containsExactly("s.txtpb:4:41: \"regime\" has no value 7; write one of DEMOCRACY, AUTOCRACY");
  }

  @Test
  void singleValuedFieldGivenTwice_isAnError() {
    ScenarioError e = only("actor {\n  id: \"rus\"\n  id: \"ukr\"\n}");
    assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_FIELD);
    assertThat(e.toString()).isEqualTo(
        "s.txtpb:3:3: \"id\" is given twice in the same actor block; it takes a single value, so keep only one");
  }

  @Test
  void twoTestsInOneObjective_isAnError() {
    ScenarioError e = only("objective { alert_never_below: 3 stability_at_least: 50 }");
    assertThat(e.code()).isEqualTo(ErrorCode.ONEOF_CONFLICT);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(34);
    assertThat(e.message()).contains("\"stability_at_least\" and \"alert_never_below\" are both set in the same objective block");
  }

  @Test
  void unclosedQuote_pointsAtTheQuote() {
    ScenarioError e = only("id: \"x\"\nactor { id: \"rus\n}\n");
    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(13);
    assertThat(e.message()).contains("no closing quote");
  }

  @Test
  void strayClosingBrace() {
    ScenarioError e = only("id: \"x\"\nactor { id: \"rus\" } }\n");
    assertThat(e.toString()).isEqualTo("s.txtpb:2:21: unexpected \"}\": no block is open here (is there one \"}\" too many?)");
  }

  @Test
  void fieldNameExpected_saysWhatWasFoundInstead() {
    assertThat(only("actor { id: \"rus\" : 3 }").toString()).isEqualTo("s.txtpb:1:19: expected a field name, found :");
    assertThat(only("actor { nuclear: true \"x\" }").message()).startsWith("expected a field name, found a quoted text:");
    assertThat(only("region { faces [\"rus\"] }").toString())
        .isEqualTo("s.txtpb:1:16: a list needs \":\" before \"[\": write faces: [\"a\", \"b\"]");
  }

  @Test
  void positionsAreOneBased_theFirstCharacterIsLine1Column1() {
    ScenarioError e = only("hostility: 3\n");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.message()).startsWith("unknown field \"hostility\" in scenario;");
  }

  @Test
  void everyTruncationAndEveryDeletion_ofAValidFile_givesLocatedErrorsAndNeverThrows() {
    String valid = TestFiles.text("valid-minimal.txtpb");
    for (int cut = 0; cut < valid.length(); cut++) {
      for (String text : List.of(valid.substring(0, cut), valid.substring(0, cut) + valid.substring(cut + 1))) {
        LoadResult r = ScenarioLoader.load("v.txtpb", text);
        if (!r.isOk()) {
          assertThat(r.errors()).as("%s", text).allSatisfy(e -> {
            assertThat(e.located()).isTrue();
            assertThat(e.code()).isNotEqualTo(ErrorCode.INTERNAL);
          });
        }
      }
    }
  }

  @Test
  void garbage_neverThrows_andAlwaysAnswersWithLocatedErrors() {
    for (String text : List.of("{{{{", "}", "\u0000", "id: \"x\" actor <", "[]", "id: [", "#", "actor { id: 'a\\q' }", "\"\"\"")) {
      LoadResult r = ScenarioLoader.load("g.txtpb", text);
      assertThat(r.isOk()).as(text).isFalse();
      assertThat(r.errors()).as(text).isNotEmpty().allSatisfy(e -> {
        assertThat(e.located()).isTrue();
        assertThat(e.toString()).startsWith("g.txtpb:" + e.line() + ":" + e.column() + ": ");
      });
    }
  }
}
