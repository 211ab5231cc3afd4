package brink.engine;

/** Net Goldstein flow F_from,to = Σ w·m of from's events toward to in one turn (Part II §4 step 11). */
public record Flow(String from, String to, double value) {}
