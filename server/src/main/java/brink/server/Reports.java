package brink.server;

import brink.server.game.GameError;
import brink.server.game.ReportSource;

/** The after-action reports the server gives for GetReport. */
public final class Reports {
  private Reports() {}

  public static ReportSource afterAction() {
    return (scenario, entries) -> {
      throw GameError.unimplemented("after-action reports are not built yet");
    };
  }
}
