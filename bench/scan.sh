#!/usr/bin/env bash
# Scan speed: a `system` root filesystem (built by `ingot rootfs` from the host's apt sources, at
# least 150 packages) against an OSV database of ADVISORIES generated advisories (default
# 100,000; about 2% name a source package of the root). Measures the import (`ingot db import`)
# and the warm scan (`ingot scan`, JVM start included), medians of RUNS runs (hyperfine), beside
# dpkg-query listing the same package database as a floor. Goals: scan < 1 s, import < 10 s.
# Wall and CPU time (user+sys) are printed; the last line is the summary with the ratios
# goal/measured (> 1 means the goal is met).
# Usage: bench/scan.sh   (env: RUNS=5 ADVISORIES=100000 ROOT=<existing rootfs dir to reuse>)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
RUNS=${RUNS:-5}
N=${ADVISORIES:-100000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -f target/ingot.jar ] || mvn -o -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The ./ingot launcher itself (C1 for short commands, its class-data archive): what users run.
ingot() {
  "$here/ingot" "$@"
}
export -f ingot; export JAVA_HOME here work
median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }

root=${ROOT:-}
if [ -z "$root" ]; then
  cat > "$work/system.json" <<JSON
{"variant": "system", "packages": ["systemd-sysv", "openssh-server", "curl", "python3"], "lockfile": "none.lock"}
JSON
  echo "building a system root filesystem (first run downloads packages)…" >&2
  SOURCE_DATE_EPOCH=1700000000 ingot rootfs "$work/system.json" -o "$work/system.tar" --cache-dir "${CACHE:-$HOME/.cache/ingot}" >&2
  root="$work/root"
  mkdir -p "$root"
  tar -xf "$work/system.tar" -C "$root" --numeric-owner
fi
pkgs=$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f '${db:Status-Status}\n' | grep -c '^installed$' || true)
[ "$pkgs" -ge 150 ] || { echo "bench/scan.sh: the root has only $pkgs packages (need >= 150)" >&2; exit 2; }
echo "root: $pkgs installed packages" >&2

python3 - "$root/var/lib/dpkg/status" "$work/osv.zip" "$N" <<'PY'
import json, random, sys, zipfile
status, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sources = set()
for stanza in open(status, encoding="utf-8").read().split("\n\n"):
    f = {}
    for line in stanza.splitlines():
        if line and not line[0].isspace() and ":" in line:
            k, v = line.split(":", 1); f[k] = v.strip()
    if "Package" in f:
        sources.add(f.get("Source", f["Package"]).split(" ")[0])
sources = sorted(sources)
rnd = random.Random(42)
vectors = ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
           "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N"]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for i in range(n):
        name = rnd.choice(sources) if rnd.random() < 0.02 else "bench-pkg-%05d" % rnd.randrange(30000)
        rec = {"schema_version": "1.6.0", "id": "BENCH-%06d" % i, "aliases": ["CVE-2099-%06d" % i],
               "modified": "2026-01-01T00:00:00Z", "summary": "generated advisory %d for %s" % (i, name),
               "severity": [{"type": "CVSS_V4" if rnd.random() < 0.3 else "CVSS_V3", "score": rnd.choice(vectors)}],
               "affected": [{"package": {"ecosystem": "Debian:12", "name": name},
                             "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"},
                                        {"fixed": "%d.%d-%d" % (rnd.randrange(1, 300), rnd.randrange(50), rnd.randrange(1, 9))}]}]}]}
        if rec["severity"][0]["type"] == "CVSS_V4":
            rec["severity"][0]["score"] = vectors[2]
        elif rec["severity"][0]["score"] == vectors[2]:
            rec["severity"][0]["score"] = vectors[0]
        z.writestr("BENCH-%06d.json" % i, json.dumps(rec))
PY
echo "generated $N advisories ($(du -h "$work/osv.zip" | cut -f1) zip)" >&2

hyperfine -N --runs 3 --export-json "$work/import.json" \
  "bash -c 'ingot db import $work/osv.zip --db $work/db'" >&2
cpu() { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f", $1 + $2}'; }
icpu=$(cpu bash -c "ingot db import $work/osv.zip --db $work/db >/dev/null 2>&1")
ingot db info --db "$work/db" >&2
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$work/scan.json" \
  "bash -c 'ingot scan $root --db $work/db --fail-on none --format json'" >&2
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$work/dpkg.json" \
  "dpkg-query --admindir=$root/var/lib/dpkg -W" >&2
scpu=$(cpu bash -c "ingot scan $root --db $work/db --fail-on none --format json")
findings=$(ingot scan "$root" --db "$work/db" --fail-on none --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
i=$(median "$work/import.json"); s=$(median "$work/scan.json"); d=$(median "$work/dpkg.json")
printf 'import of %d advisories: median %.2f s wall, %s s CPU (goal < 10 s)\n' "$N" "$i" "$icpu"
printf 'scan of %d packages (%d findings): median %.3f s wall warm, %s s CPU, JVM start included (goal < 1 s); dpkg-query -W: %.3f s\n' "$pkgs" "$findings" "$s" "$scpu" "$d"
printf 'load average %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c "print('summary: scan %.3f s wall / %s s CPU (goal 1 s, ratio %.2f); import %.2f s wall / %s s CPU (goal 10 s, ratio %.2f)' % ($s, '$scpu', 1.0/$s, $i, '$icpu', 10.0/$i))"
