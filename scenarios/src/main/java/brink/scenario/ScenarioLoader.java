package brink.scenario;

import brink.engine.def.Scenario;
import brink.protocol.scenario.v1.Dyad;
import brink.scenario.CalibrationReport.Instability;
import brink.scenario.SourceText.Pos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Loads a scenario written in protobuf text format against {@code brink/scenario/v1/scenario.proto}:
 * parse (a syntax error is one located error), validate (every semantic error at once, each at the
 * field it is about), convert ({@link ScenarioConverter}), then check the discretisation
 * ({@link Calibration}). Bad input never throws: it comes back as a {@link LoadResult.Failed}.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** Loads from text; {@code fileName} is what error messages call the file. */
  public static LoadResult load(String fileName, String text) {
    List<ScenarioError> errors = new ArrayList<>();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    brink.protocol.scenario.v1.Scenario.Builder builder = brink.protocol.scenario.v1.Scenario.newBuilder();
    Optional<TextParser.Parsed<brink.protocol.scenario.v1.Scenario>> parsed =
        TextParser.parse(fileName, body, builder, errors);
    if (parsed.isEmpty()) {
      return failed(fileName, errors, Optional.empty());
    }
    brink.protocol.scenario.v1.Scenario proto = parsed.get().message();
    Node root = parsed.get().root();
    ScenarioValidator.validate(new Checker(fileName, errors), proto, root);
    if (!errors.isEmpty()) {
      return failed(fileName, errors, Optional.empty());
    }
    Scenario scenario;
    CalibrationReport report;
    try {
      scenario = ScenarioConverter.toEngine(proto);
      report = Calibration.report(scenario);
    } catch (RuntimeException e) {
      // The validator should have caught whatever the converter cannot take: a bug, not the file's fault.
      errors.add(new ScenarioError(fileName, 0, 0, ErrorCode.INTERNAL,
          "Brink could not build this scenario although it passed validation (please report this): " + e));
      return failed(fileName, errors, Optional.empty());
    }
    for (Instability i : report.instabilities()) {
      Pos at = instabilityPos(proto, root, i);
      errors.add(new ScenarioError(fileName, at.line(), at.column(), ErrorCode.DISCRETISATION_UNSTABLE, i.message(report.dt())));
    }
    if (!errors.isEmpty()) {
      return failed(fileName, errors, Optional.of(report));
    }
    return new LoadResult.Ok(fileName, scenario, proto, report);
  }

  /** Loads a file (UTF-8); a missing or unreadable file is an error, not an exception. */
  public static LoadResult loadFile(Path path) {
    String name = path.toString();
    List<ScenarioError> errors = new ArrayList<>();
    Optional<String> text = readText(path, name, errors);
    if (text.isEmpty()) {
      return failed(name, errors, Optional.empty());
    }
    return load(name, text.get());
  }

  /** Reads a UTF-8 text file, or adds one FILE_UNREADABLE error saying why not. */
  static Optional<String> readText(Path path, String name, List<ScenarioError> errors) {
    try {
      if (Files.isDirectory(path)) {
        errors.add(new ScenarioError(name, 0, 0, ErrorCode.FILE_UNREADABLE, "this is a directory, not a scenario file"));
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(path);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(text);
    } catch (NoSuchFileException e) {
      errors.add(new ScenarioError(name, 0, 0, ErrorCode.FILE_UNREADABLE, "no such file: check the name and the folder"));
    } catch (AccessDeniedException e) {
      errors.add(new ScenarioError(name, 0, 0, ErrorCode.FILE_UNREADABLE, "this file cannot be read: permission denied"));
    } catch (CharacterCodingException e) {
      errors.add(new ScenarioError(name, 0, 0, ErrorCode.FILE_UNREADABLE,
          "this file is not UTF-8 text: save it as UTF-8 (accents such as é must be UTF-8)"));
    } catch (IOException e) {
      errors.add(new ScenarioError(name, 0, 0, ErrorCode.FILE_UNREADABLE, "this file cannot be read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  /** At the dyad block i->j of the pair, or at rules.dt (else rules.kappa) for the coupled system. */
  private static Pos instabilityPos(brink.protocol.scenario.v1.Scenario proto, Node root, Instability i) {
    if (i.pair().isPresent()) {
      for (int k = 0; k < proto.getDyadCount(); k++) {
        Dyad d = proto.getDyad(k);
        if (d.getFrom().equals(i.pair().get().a()) && d.getTo().equals(i.pair().get().b())) {
          return root.at("dyad", k);
        }
      }
      return root.pos();
    }
    Node rules = root.child("rules");
    return rules.has("dt") ? rules.at("dt") : rules.at("kappa");
  }

  private static LoadResult failed(String file, List<ScenarioError> errors, Optional<CalibrationReport> report) {
    List<ScenarioError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
    return new LoadResult.Failed(file, sorted, report);
  }
}
