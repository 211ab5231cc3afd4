package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.engine.def.Pair;
import org.junit.jupiter.api.Test;

/** Semantic errors: every one at once, each at the field it is about. */
class ScenarioValidationTest {
  private static final String MINIMAL = TestFiles.text("valid-minimal.txtpb");

  /** The minimal scenario with {@code extra} appended (it starts at line 9). */
  private static LoadResult minimalPlus(String extra) {
    return ScenarioLoader.load("m.txtpb", MINIMAL + extra);
  }

  @Test
  void validMinimal_loadsAndConverts() {
    LoadResult r = TestFiles.load("valid-minimal.txtpb");
    assertThat(r.errors()).isEmpty();
    assertThat(r.isOk()).isTrue();
    assertThat(r.scenario().id()).isEqualTo("minimal");
    assertThat(r.scenario().primaryDyads()).containsExactly(new Pair("rus", "ukr"));
    assertThat(((LoadResult.Ok) r).proto().getActorCount()).isEqualTo(2);
    assertThat(r.calibration()).isPresent();
  }

  @Test
  void failedLoad_scenarioAccessorSaysWhy() {
    LoadResult r = TestFiles.load("three-errors.txtpb");
    assertThatThrownBy(r::scenario).isInstanceOf(IllegalStateException.class).hasMessageContaining("three-errors.txtpb:4:42");
  }

  @Test
  void threeErrorsInOneFile_areThreeErrors_inFileOrder() {
    LoadResult r = TestFiles.load("three-errors.txtpb");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "three-errors.txtpb:4:42: unknown bot \"dovish\" for actor \"ukr\"; known bots: dove, hawk, historical, passive, tit-for-tat",
        "three-errors.txtpb:6:30: hostility of dyad ukr->rus must be between 0 and 100, found 101",
        "three-errors.txtpb:7:25: unknown actor \"ukraine\" in primary_dyad; did you mean \"ukr\"?");
    assertThat(r.errors()).extracting(ScenarioError::code)
        .containsExactly(ErrorCode.UNKNOWN_BOT, ErrorCode.OUT_OF_RANGE, ErrorCode.UNKNOWN_ID);
    assertThat(r.errorText()).hasLineCount(3);
  }

  @Test
  void unknownIds_everywhere_withTheClosestKnownId() {
    LoadResult r = TestFiles.load("unknown-ids.txtpb");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "unknown-ids.txtpb:8:1: dyad rus->usa has no reverse direction: add dyad { from: \"usa\" to: \"rus\" ... }"
            + " (a dyad needs both directions)",
        "unknown-ids.txtpb:11:3: unknown actor \"russia\" in dyad; did you mean \"rus\"?",
        "unknown-ids.txtpb:15:29: unknown actor \"nato\" in alliance; known actors: rus, ukr, usa",
        "unknown-ids.txtpb:16:55: unknown actor \"ukraine\" in historical move of \"rus\" INVADE; did you mean \"ukr\"?",
        "unknown-ids.txtpb:17:97: unknown actor \"urk\" in objective \"survive\"; did you mean \"ukr\"?",
        "unknown-ids.txtpb:18:84: unknown actor \"usaa\" in inject \"sanctions\" effect; did you mean \"usa\"?");
  }

  @Test
  void outOfRange_everyValueAtItsField() {
    LoadResult r = TestFiles.load("out-of-range.txtpb");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "out-of-range.txtpb:3:9: dt must be greater than 0, found -1",
        "out-of-range.txtpb:3:16: incident_p_max (a probability) must be between 0 and 1, found 1.5",
        "out-of-range.txtpb:3:36: war_threshold must be between 0 and 100, found 120",
        "out-of-range.txtpb:3:55: max_turns must be at least 0, found -2",
        "out-of-range.txtpb:4:41: actor \"rus\"'s alert (5 = least severe, 1 = most severe) must be between 1 and 5, found 0",
        "out-of-range.txtpb:4:50: actor \"rus\"'s stability must be between 0 and 100, found 101",
        "out-of-range.txtpb:6:30: hostility of dyad rus->ukr must be between 0 and 100, found 140",
        "out-of-range.txtpb:6:45: restraint of dyad rus->ukr must be greater than 0, found 0",
        "out-of-range.txtpb:6:58: reaction of dyad rus->ukr must be at least 0, found -0.1",
        "out-of-range.txtpb:6:86: trust of dyad rus->ukr must be between 0 and 1, found 1.5");
    assertThat(r.errors()).extracting(ScenarioError::code).containsOnly(ErrorCode.OUT_OF_RANGE);
  }

  @Test
  void missingRestraint_saysItIsMissing() {
    LoadResult r = ScenarioLoader.load("m.txtpb", MINIMAL.replace(" restraint: 0.3 reaction: 0.1 grievance: 2", " reaction: 0.1 grievance: 2"));
    assertThat(r.errors()).extracting(ScenarioError::toString)
        .containsExactly("m.txtpb:6:1: restraint of dyad rus->ukr must be greater than 0, found 0 (it is missing)");
  }

  @Test
  void nonFiniteNumbers_areRejected() {
    LoadResult r = ScenarioLoader.load("m.txtpb", MINIMAL.replace("grievance: 2 }", "grievance: inf }"));
    assertThat(r.errors()).extracting(ScenarioError::toString)
        .containsExactly("m.txtpb:6:73: grievance of dyad rus->ukr must be a finite number, found inf");
  }

  @Test
  void duplicateIds_ofActorsDyadsRegionsUnitsInjectsObjectives() {
    LoadResult r = TestFiles.load("duplicates.txtpb");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "duplicates.txtpb:5:9: actor \"rus\" is defined twice (first at line 3:9)",
        "duplicates.txtpb:8:1: dyad rus->ukr is defined twice (first at line 6:1)",
        "duplicates.txtpb:11:10: region \"crimea\" is defined twice (first at line 10:10)",
        "duplicates.txtpb:13:8: unit \"vdv\" is defined twice (first at line 12:8)",
        "duplicates.txtpb:15:10: inject \"news\" is defined twice (first at line 14:10)",
        "duplicates.txtpb:17:26: \"rus\" already has an objective \"win\" (at line 16:26)");
    assertThat(r.errors()).extracting(ScenarioError::code).containsOnly(ErrorCode.DUPLICATE_ID);
  }

  @Test
  void dyadShape_oneDirection_selfDyad_primaryThatIsNotADyad() {
    LoadResult r = TestFiles.load("dyad-shape.txtpb");
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(
        ErrorCode.ONE_DIRECTION_DYAD, ErrorCode.SELF_DYAD, ErrorCode.NOT_A_DYAD);
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "dyad-shape.txtpb:8:1: dyad blr->ukr has no reverse direction: add dyad { from: \"ukr\" to: \"blr\" ... }"
            + " (a dyad needs both directions)",
        "dyad-shape.txtpb:9:20: a dyad joins two different actors, but this one goes from \"rus\" to itself",
        "dyad-shape.txtpb:10:1: primary_dyad blr-rus is not a dyad: define dyad { from: \"blr\" to: \"rus\" ... }"
            + " and dyad { from: \"rus\" to: \"blr\" ... }");
  }

  @Test
  void noPrimaryDyad_isAnError() {
    LoadResult r = ScenarioLoader.load("m.txtpb", MINIMAL.replace("primary_dyad { a: \"rus\" b: \"ukr\" }", ""));
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).code()).isEqualTo(ErrorCode.NO_PRIMARY_DYAD);
    assertThat(r.errors().get(0).message()).startsWith("the scenario has no primary dyad: add primary_dyad {");
  }

  @Test
  void unitInABarredRegion_pointsAtItsLocation() {
    LoadResult r = TestFiles.load("barred-region.txtpb");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "barred-region.txtpb:17:3: unit \"trainers\" of \"usa\" starts in region \"ukraine\", which is barred for \"usa\""
            + " (see its barred_for)");
    assertThat(r.errors().get(0).code()).isEqualTo(ErrorCode.REGION_BARRED);
  }

  @Test
  void listElements_arePointedAtOneByOne() {
    LoadResult r = minimalPlus("region { id: \"r\" name { en: \"R\" } faces: [\"rus\", \"ukx\", \"ukr\"] faces: \"bel\" }\n");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "m.txtpb:9:50: unknown actor \"ukx\" in region \"r\" faces; did you mean \"ukr\"?",
        "m.txtpb:9:64: unknown actor \"bel\" in region \"r\" faces; known actors: rus, ukr");
  }

  @Test
  void idsMustBeLowercaseLettersDigitsAndDashes() {
    LoadResult r = ScenarioLoader.load("m.txtpb", MINIMAL.replace("id: \"minimal\"", "id: \"Eastern Flank\""));
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "m.txtpb:2:1: the scenario id \"Eastern Flank\" must be lowercase letters, digits and '-' (for example \"eastern-flank\")");
    assertThat(r.errors().get(0).code()).isEqualTo(ErrorCode.BAD_ID);
  }

  @Test
  void namesNeedEnglish_otherTextsNeedEnglishWhenTheyHaveFrench() {
    LoadResult r = ScenarioLoader.load("m.txtpb", MINIMAL
        .replace("name { en: \"Russia\" }", "name { fr: \"Russie\" }")
        .replace("title { en: \"Minimal\" }", "title { en: \"Minimal\" } summary { fr: \"Résumé\" }"));
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "m.txtpb:3:25: the summary has French text but no English: add en: \"...\" (English is shown when a translation is missing)",
        "m.txtpb:4:19: actor \"rus\"'s name has no English text: write name { en: \"...\" } beside the French");
    assertThat(r.errors()).extracting(ScenarioError::code).containsOnly(ErrorCode.MISSING_ENGLISH);
  }

  @Test
  void unknownDefaultBot_suggestsTheClosest() {
    LoadResult r = ScenarioLoader.load("m.txtpb", MINIMAL.replace("name { en: \"Ukraine\" } }", "name { en: \"Ukraine\" } default_bot: \"titfortat\" }"));
    assertThat(r.errors()).extracting(ScenarioError::toString)
        .containsExactly("m.txtpb:5:42: unknown bot \"titfortat\" for actor \"ukr\"; did you mean \"tit-for-tat\"?");
  }

  @Test
  void rulesMaps_keysAreAlertLevels() {
    LoadResult r = minimalPlus("rules {\n  alert_k_mult { key: 6 value: 2 }\n  alert_floor { key: 2 value: 50 }\n"
        + "  alert_floor { key: 2 value: 3 }\n}\n");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "m.txtpb:10:18: alert_k_mult: the key is an alert level from 1 to 5, found 6",
        "m.txtpb:11:24: alert_floor at alert 2 (a Kahn rung) must be between 0 and 44, found 50",
        "m.txtpb:12:3: alert_floor gives alert 2 twice (first at line 11:3)");
  }

  @Test
  void historicalMoves_areCheckedForShapeOwnershipAndNuclearStatus() {
    LoadResult r = minimalPlus(
        "historical { turn: 1 actor: \"ukr\" move { type: NUCLEAR_THREAT target: \"rus\" } }\n"
            + "historical { turn: 2 actor: \"rus\" move { type: THREATEN_FORCE } }\n"
            + "historical { turn: 0 actor: \"rus\" move { type: DEPLOY_TROOPS target: \"ukr\" } }\n"
            + "historical { turn: 3 actor: \"rus\" move { type: LIMITED_STRIKE target: \"rus\" } date: \"24/02/2022\" }\n"
            + "historical { turn: 4 actor: \"rus\" }\n");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "m.txtpb:9:42: historical move of \"ukr\" NUCLEAR_THREAT: \"ukr\" is not a nuclear actor",
        "m.txtpb:10:35: historical move of \"rus\" THREATEN_FORCE needs target: \"...\"",
        "m.txtpb:11:14: historical move of \"rus\" needs turn: N (1 = the first turn)",
        "m.txtpb:11:35: historical move of \"rus\" DEPLOY_TROOPS needs quantity: thousands of troops, greater than 0",
        "m.txtpb:12:63: historical move of \"rus\" LIMITED_STRIKE: \"rus\" cannot target itself",
        "m.txtpb:12:79: date \"24/02/2022\" is not a date written yyyy-mm-dd (like 2022-02-24)",
        "m.txtpb:13:1: historical move of \"rus\" needs move { type: ... }");
  }

  @Test
  void unitScenario_genericFormsAndOwnershipAreChecked() {
    String units = TestFiles.text("barred-region.txtpb").replace("location: \"ukraine\"", "location: \"fort-bragg\"");
    LoadResult ok = ScenarioLoader.load("u.txtpb", units);
    assertThat(ok.errors()).isEmpty();
    LoadResult r = ScenarioLoader.load("u.txtpb", units
        + "historical { turn: 1 actor: \"rus\" move { type: ALERT_UNITS unit: \"82nd-airborne\" } }\n"
        + "historical { turn: 1 actor: \"usa\" move { type: DEPLOY_TROOPS unit: \"82nd-airborne\" region: \"ukraine\" } }\n"
        + "historical { turn: 2 actor: \"rus\" move { type: DEPLOY_TROOPS target: \"ukr\" quantity: 10 } }\n"
        + "inject { id: \"surge\" turn: 2 headline { en: \"Surge\" } effect { deployed { from: \"rus\" to: \"ukr\" delta: 10 } } }\n");
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(
        ErrorCode.BAD_MOVE, ErrorCode.REGION_BARRED, ErrorCode.UNITS_MISMATCH, ErrorCode.UNITS_MISMATCH);
    assertThat(r.errors().get(0).toString())
        .isEqualTo("u.txtpb:19:60: historical move of \"rus\" ALERT_UNITS: unit \"82nd-airborne\" belongs to \"usa\", not to \"rus\"");
    assertThat(r.errors().get(1).toString())
        .isEqualTo("u.txtpb:20:84: historical move of \"usa\" DEPLOY_TROOPS: region \"ukraine\" is barred for \"usa\"");
    assertThat(r.errors().get(3).line()).isEqualTo(22);
  }

  @Test
  void injects_needATurnOrACondition_andAnAudienceWhenPrivate() {
    LoadResult r = minimalPlus(
        "inject { id: \"a\" headline { en: \"A\" } }\n"
            + "inject { id: \"b\" turn: 2 when { a: \"rus\" b: \"ukr\" tension_at_least: 60 } headline { en: \"B\" } }\n"
            + "inject { id: \"c\" when { a: \"rus\" b: \"ukr\" tension_at_least: 60 tension_below: 50 } headline { en: \"C\" } }\n"
            + "inject { id: \"d\" turn: 1 visibility: PARTIES headline { en: \"D\" } }\n"
            + "inject { id: \"e\" turn: 1 }\n");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "m.txtpb:9:1: inject \"a\" needs turn: N (1 = the first turn) or a when { ... } condition",
        "m.txtpb:10:18: inject \"b\" has both turn and when: a conditional inject fires on the first turn its condition holds,"
            + " so leave turn out",
        "m.txtpb:11:64: inject \"c\" condition can never hold: tension_at_least 60 is not below tension_below 50",
        "m.txtpb:12:26: inject \"d\" is PARTIES but names no audience: add audience: \"...\" for each actor who sees it",
        "m.txtpb:13:1: inject \"e\"'s headline has no English text: write headline { en: \"...\" }");
  }

  @Test
  void objectives_checkTheirDyadsAndValues() {
    LoadResult r = minimalPlus(
        "objective { actor: \"rus\" id: \"calm\" description { en: \"Calm\" } tension_at_most { a: \"rus\" b: \"ukr\" value: 140 } }\n"
            + "objective { actor: \"ukr\" id: \"out\" description { en: \"Out\" } outcome_in { } }\n"
            + "objective { actor: \"ukr\" id: \"alert\" alert_never_below: 6 }\n");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "m.txtpb:9:100: a tension must be between 0 and 100, found 140",
        "m.txtpb:10:62: objective \"out\": outcome_in lists no outcome",
        "m.txtpb:11:1: objective \"alert\"'s description has no English text: write description { en: \"...\" }",
        "m.txtpb:11:38: alert_never_below (an alert level) must be between 1 and 5, found 6");
  }

  @Test
  void emptyFile_saysWhatIsMissing() {
    LoadResult r = ScenarioLoader.load("empty.txtpb", "");
    assertThat(r.errors()).extracting(ScenarioError::code)
        .containsExactly(ErrorCode.MISSING_FIELD, ErrorCode.MISSING_ENGLISH, ErrorCode.MISSING_FIELD, ErrorCode.NO_PRIMARY_DYAD);
    assertThat(r.errors()).allSatisfy(e -> assertThat(e.toString()).startsWith("empty.txtpb:1:1: "));
  }
}
