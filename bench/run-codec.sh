#!/usr/bin/env bash
# JMH benchmark of the wire codec on real frames of a whole default-scenario game (test scope of server/):
#   bench/run-codec.sh                       every CodecBenchmark method
#   bench/run-codec.sh -f 1 -wi 2 -i 3 Game  JMH options and a name filter pass through
# Frame sizes: java -cp (the same classpath) brink.bench.CodecFrames
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  # Offline first (quick once ~/.m2 holds the dependencies); else the same build online.
  build=(mvn -B -ntp -q test-compile dependency:build-classpath -pl server -am
      -Dmdep.outputFile=target/test-classpath.txt)
  if ! "${build[@]}" -o >/dev/null 2>&1; then
    echo "bench: the offline build failed; building online (downloads what ~/.m2 lacks)" >&2
    "${build[@]}" >&2
  fi
fi
cp="$(cat server/target/test-classpath.txt):server/target/classes:server/target/test-classes"
if [[ $# -eq 0 ]]; then
  set -- CodecBenchmark
fi
java -cp "$cp" brink.bench.CodecFrames
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
