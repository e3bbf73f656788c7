#!/usr/bin/env bash
# Start-up of the example service with and without an AppCDS archive (issue 8, item 5).
#
#   bash benchmarks/appcds-example.sh [runs]      (default 5; run from the repository root after
#                                                  mvn -q -DskipTests package)
#
# Each run is a fresh JVM: `java -jar lookup-service.jar --demo` (opens both dataset jars through
# Guice, prints a few lookups, exits), timed by GNU time (`/usr/bin/time -v`): wall clock from
# launch to exit and peak RSS. The archive is made once, by one run with
# -XX:ArchiveClassesAtExit; the two variants then run interleaved (plain, CDS, plain, CDS, ...)
# and the medians are printed. The dataset cache is warm for both (the archive run fills it).
set -euo pipefail
runs=${1:-5}
jar=examples/lookup-service/target/lookup-service-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || { echo "no $jar: run 'mvn -q -DskipTests package' first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
archive="$work/lookup-service.jsa"
java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" --demo >"$work/dump.log" 2>&1
[ -f "$archive" ] || { echo "no archive was written; see the JVM's output:" >&2; cat "$work/dump.log" >&2; exit 1; }

# run NAME ARGS...: one timed run; appends "wall_ms rss_kb" to $work/NAME
run() {
  local name=$1; shift
  /usr/bin/time -v -o "$work/time" java "$@" -jar "$jar" --demo >"$work/out" 2>&1 \
    || { echo "$name failed:" >&2; cat "$work/out" "$work/time" >&2; exit 1; }
  awk -v name="$name" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = int(s * 1000 + 0.5) }
    /Maximum resident set size/ { rss = $NF }
    END { print wall, rss }' "$work/time" >>"$work/$name"
}

run plain # unmeasured warm-up of both
run cds -XX:SharedArchiveFile="$archive" -Xshare:auto
: >"$work/plain"; : >"$work/cds"
for _ in $(seq "$runs"); do
  run plain
  run cds -XX:SharedArchiveFile="$archive" -Xshare:auto
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pw=$(cut -d' ' -f1 "$work/plain" | median); cw=$(cut -d' ' -f1 "$work/cds" | median)
pr=$(cut -d' ' -f2 "$work/plain" | median); cr=$(cut -d' ' -f2 "$work/cds" | median)
echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, interleaved"
echo "| variant | wall ms (median) | peak RSS MB (median) |"
echo "|---|---|---|"
echo "| java -jar lookup-service.jar --demo | $pw | $((pr / 1024)) |"
echo "| the same with -XX:SharedArchiveFile (AppCDS) | $cw | $((cr / 1024)) |"
awk -v p="$pw" -v c="$cw" 'BEGIN { printf "AppCDS / plain, wall: %.2fx\n", c / p }'
echo "plain runs (wall_ms rss_kb): $(paste -sd, "$work/plain")"
echo "cds runs (wall_ms rss_kb): $(paste -sd, "$work/cds")"
