package brink.server.journal;

/**
 * A game's journal is damaged (a record in the middle of it fails its checksum or is missing):
 * the game cannot be replayed, exported or appended to. The message names the game and the byte
 * offset of the damage.
 */
public final class CorruptGameException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String gameId;

  public CorruptGameException(String gameId, String message) {
    super(message);
    this.gameId = gameId;
  }

  public String gameId() {
    return gameId;
  }
}
