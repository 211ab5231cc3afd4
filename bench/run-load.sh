#!/usr/bin/env bash
# Builds the server and the load generator (test scope of server/), then runs the generator:
#   bench/run-load.sh echo --mode closed --connections 1000
#   bench/run-load.sh suite            (every target of docs/performance.md, with the echo beside each)
# Everything after the script's name goes to brink.bench.LoadMain; see docs/performance.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  # No tests (the generator is measured, not tested, here). Offline first (quick once ~/.m2 holds the
  # dependencies); on a fresh machine whose ~/.m2 lacks something, the same build online.
  build=(mvn -B -ntp -q package dependency:build-classpath -pl server -am -DskipTests
      -Dmdep.outputFile=target/test-classpath.txt)
  if ! "${build[@]}" -o >/dev/null 2>&1; then
    echo "bench: the offline build failed; building online (downloads what ~/.m2 lacks)" >&2
    "${build[@]}" >&2
  fi
fi
cp="$(cat server/target/test-classpath.txt):server/target/classes:server/target/test-classes"
exec java -Xms512m -Xmx2g -cp "$cp" brink.bench.LoadMain "$@"
