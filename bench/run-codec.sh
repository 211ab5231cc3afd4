#!/usr/bin/env bash
# JMH benchmark of the wire codec on real frames of a whole default-scenario game (test scope of server/):
#   bench/run-codec.sh                       every CodecBenchmark method
#   bench/run-codec.sh -f 1 -wi 2 -i 3 Game  JMH options and a name filter pass through
# Frame sizes: java -cp (the same classpath) brink.bench.CodecFrames
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -ntp -o -q test-compile dependency:build-classpath -pl server -am \
      -Dmdep.outputFile=target/test-classpath.txt >&2
fi
cp="$(cat server/target/test-classpath.txt):server/target/classes:server/target/test-classes"
if [[ $# -eq 0 ]]; then
  set -- CodecBenchmark
fi
java -cp "$cp" brink.bench.CodecFrames
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
