#!/usr/bin/env bash
# Warm-cache root filesystem builds, Ingot vs mmdebstrap, same suites (the host's apt sources) and
# the same package list for both. Each side runs once to warm up, then RUNS times; medians are
# compared. Ingot builds without a lock (it re-reads the signed InRelease files each run, as
# mmdebstrap does), with its cache warm. Prints "ratio mmdebstrap/ingot" for system, then for
# distroless on the last line. Usage: bench/rootfs.sh [--no-system | --no-distroless];
# RUNS=5 RUNS_SYSTEM=3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
RUNS=${RUNS:-5}
RUNS_SYSTEM=${RUNS_SYSTEM:-3}
DISTROLESS=base-files,netbase,tzdata,ca-certificates,libc6,libssl3
SYSTEM=systemd-sysv,openssh-server
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -o -q -DskipTests package
sources=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 || true)
[ -n "$sources" ] || sources=/etc/apt/sources.list
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache="$work/cache"
json_list() { printf '"%s",' $(echo "$1" | tr , ' ') | sed 's/,$//'; }
cat > "$work/distroless.json" <<JSON
{"variant": "distroless", "packages": [$(json_list $DISTROLESS)], "lockfile": "none.lock"}
JSON
cat > "$work/system.json" <<JSON
{"variant": "system", "packages": [$(json_list $SYSTEM)], "lockfile": "none.lock"}
JSON
# Class data sharing archive made by the warm-up run: the JVM starts faster, as a launcher would.
ingot() { SOURCE_DATE_EPOCH=1700000000 "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/ingot.jsa" -jar target/ingot.jar "$@"; }
export -f ingot; export JAVA_HOME work
median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }

run_pair() { # name ingot-spec mm-variant packages runs
  local name=$1 spec=$2 variant=$3 pkgs=$4 runs=$5
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/$name-ingot.json" \
    "bash -c 'ingot rootfs $spec -o $work/$name-ingot.tar --cache-dir $cache'" >&2
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/$name-mm.json" \
    "mmdebstrap --quiet --variant=$variant --include=$pkgs --format=tar bookworm $work/$name-mm.tar $sources" >&2
  local i m
  i=$(median "$work/$name-ingot.json"); m=$(median "$work/$name-mm.json")
  echo "$name: ingot median ${i}s, mmdebstrap median ${m}s" >&2
  python3 -c "print('ratio mmdebstrap/ingot ($name): %.2f' % ($m/$i))"
}

if [ "${1:-}" != "--no-system" ]; then
  run_pair system "$work/system.json" minbase "$SYSTEM" "$RUNS_SYSTEM"
fi
if [ "${1:-}" != "--no-distroless" ]; then
  run_pair distroless "$work/distroless.json" extract "$DISTROLESS" "$RUNS"
fi
