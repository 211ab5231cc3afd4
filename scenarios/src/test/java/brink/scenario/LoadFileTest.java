package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadFileTest {
  @Test
  void loadFile_missing_isOneUnlocatedError(@TempDir Path dir) {
    Path p = dir.resolve("missing.txtpb");
    LoadResult r = ScenarioLoader.loadFile(p);
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).code()).isEqualTo(ErrorCode.FILE_UNREADABLE);
    assertThat(r.errors().get(0).toString()).isEqualTo(p + ": no such file: check the name and the folder");
  }

  @Test
  void loadFile_directory(@TempDir Path dir) {
    LoadResult r = ScenarioLoader.loadFile(dir);
    assertThat(r.errors()).extracting(ScenarioError::message).containsExactly("this is a directory, not a scenario file");
  }

  @Test
  void loadFile_notUtf8(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("latin1.txtpb");
    Files.write(p, "id: \"x\" title { fr: \"Fran\u00e7ais\" }".getBytes(StandardCharsets.ISO_8859_1));
    LoadResult r = ScenarioLoader.loadFile(p);
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(ErrorCode.FILE_UNREADABLE);
    assertThat(r.errors().get(0).message()).startsWith("this file is not UTF-8 text");
  }

  @Test
  void loadFile_utf8WithByteOrderMark_loads(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("bom.txtpb");
    Files.writeString(p, "\uFEFF" + TestFiles.text("valid-minimal.txtpb"));
    LoadResult r = ScenarioLoader.loadFile(p);
    assertThat(r.errors()).isEmpty();
    assertThat(r.file()).isEqualTo(p.toString());
  }

  @Test
  void loadFile_errorsNameThePath(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("typos.txtpb");
    Files.writeString(p, TestFiles.text("unknown-fields.txtpb"));
    LoadResult r = ScenarioLoader.loadFile(p);
    assertThat(r.errors().get(0).toString()).startsWith(p + ":8:3: unknown field \"hostilty\"");
  }
}
