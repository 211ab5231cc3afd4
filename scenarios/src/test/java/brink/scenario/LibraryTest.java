package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryTest {
  private final Library library = new Library(LibraryTest.class.getClassLoader(), "brink/scenario/testlibrary");

  @Test
  void ids_areTheFileNamesOnTheClasspath_sorted() {
    assertThat(library.listIds()).containsExactly("feb2022-table", "minimal");
  }

  @Test
  void bundled_loadsByIdAndNamesTheFileInErrors() {
    LoadResult r = library.loadBundled("minimal");
    assertThat(r.errors()).isEmpty();
    assertThat(r.scenario().id()).isEqualTo("minimal");
    assertThat(r.file()).isEqualTo("scenarios/library/minimal.txtpb");
    assertThat(library.text("minimal")).hasValueSatisfying(t -> assertThat(t).contains("id: \"minimal\""));
  }

  @Test
  void bundled_unknownId_suggestsAndListsTheBundledOnes() {
    LoadResult r = library.loadBundled("feb2022");
    assertThat(r.errors()).hasSize(1);
    ScenarioError e = r.errors().get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SCENARIO);
    assertThat(e.located()).isFalse();
    assertThat(e.toString()).isEqualTo(
        "feb2022: no bundled scenario \"feb2022\"; did you mean \"feb2022-table\"? (bundled scenarios: feb2022-table, minimal)");
  }

  @Test
  void bundled_idsThatCouldEscapeTheDirectory_areNotLoaded() {
    assertThat(library.text("../scenario/valid-minimal")).isEmpty();
    assertThat(library.loadBundled("../scenario/valid-minimal").errors().get(0).code()).isEqualTo(ErrorCode.UNKNOWN_SCENARIO);
  }

  @Test
  void resolve_anIdLoadsTheBundledScenario_aPathLoadsTheFile(@TempDir Path dir) throws Exception {
    assertThat(library.resolveIdOrPath("minimal").file()).isEqualTo("scenarios/library/minimal.txtpb");
    Path file = dir.resolve("mine.txtpb");
    Files.writeString(file, TestFiles.text("valid-minimal.txtpb"));
    LoadResult r = library.resolveIdOrPath(file.toString());
    assertThat(r.errors()).isEmpty();
    assertThat(r.file()).isEqualTo(file.toString());
  }

  @Test
  void resolve_neitherIdNorFile_saysBoth() {
    LoadResult r = library.resolveIdOrPath("minimum");
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "minimum: no bundled scenario \"minimum\" and no file of that name; did you mean \"minimal\"?"
            + " (bundled scenarios: feb2022-table, minimal)");
  }

  @Test
  void resolve_aMissingPath_isAnUnreadableFile(@TempDir Path dir) {
    LoadResult r = library.resolveIdOrPath(dir.resolve("nope.txtpb").toString());
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(ErrorCode.FILE_UNREADABLE);
    assertThat(r.errors().get(0).message()).isEqualTo("no such file: check the name and the folder");
  }

  @Test
  void defaultLibrary_everyListedIdHasItsText() {
    for (String id : Library.ids()) {
      assertThat(Library.bundledText(id)).as(id).isPresent();
    }
    assertThat(Library.bundled("no-such-scenario").errors().get(0).code()).isEqualTo(ErrorCode.UNKNOWN_SCENARIO);
  }
}
