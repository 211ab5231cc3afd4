package brink.engine.def;

/** One dated event of the real timeline, for debriefs. */
public record TimelineEntry(String date, int turn, Text text, String source) {}
