#!/usr/bin/env bash
# Push an OCI layout of >= 150 MiB (3 layers of random data, gzip) to a local docker-registry
# with Ingot and with skopeo copy, side by side. Every run pushes into a fresh registry (new
# storage directory, so neither tool can skip or mount blobs it pushed before) and a fresh
# repository. RUNS runs each (default 5), alternating which tool goes first; medians compared.
# Prints "ratio skopeo/ingot X.XX" on the last line. Usage: bench/push.sh; RUNS=5 LAYER_MIB=52.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
RUNS=${RUNS:-5}
LAYER_MIB=${LAYER_MIB:-52}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -f target/ingot.jar ] || mvn -o -q -DskipTests package
for c in docker-registry skopeo gzip sha256sum python3; do
  command -v "$c" >/dev/null || { echo "bench/push.sh: $c is missing (./test.sh installs it)" >&2; exit 2; }
done
work=$(mktemp -d)
reg_pid=""
cleanup() { [ -n "$reg_pid" ] && kill "$reg_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# --- the image: an OCI layout written by hand (neither tool made it) ---
layout="$work/layout"
mkdir -p "$layout/blobs/sha256"
diff_ids=(); layers=()
for i in 1 2 3; do
  mkdir -p "$work/l$i"
  head -c $((LAYER_MIB << 20)) /dev/urandom > "$work/l$i/data$i.bin"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work/l$i" -cf "$work/l$i.tar" .
  diff_ids+=("sha256:$(sha256sum "$work/l$i.tar" | cut -d' ' -f1)")
  gzip -1 -n -c "$work/l$i.tar" > "$work/l$i.tar.gz"
  d=$(sha256sum "$work/l$i.tar.gz" | cut -d' ' -f1)
  mv "$work/l$i.tar.gz" "$layout/blobs/sha256/$d"
  layers+=("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$d\",\"size\":$(stat -c %s "$layout/blobs/sha256/$d")}")
  rm -rf "$work/l$i" "$work/l$i.tar"
done
ids=$(printf '"%s",' "${diff_ids[@]}"); ids=${ids%,}
config="{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[$ids]}}"
printf '%s' "$config" > "$work/config.json"
cd_=$(sha256sum "$work/config.json" | cut -d' ' -f1); mv "$work/config.json" "$layout/blobs/sha256/$cd_"
ls_=$(printf '%s,' "${layers[@]}"); ls_=${ls_%,}
manifest="{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:$cd_\",\"size\":${#config}},\"layers\":[$ls_]}"
printf '%s' "$manifest" > "$work/manifest.json"
md=$(sha256sum "$work/manifest.json" | cut -d' ' -f1); ms=$(stat -c %s "$work/manifest.json")
mv "$work/manifest.json" "$layout/blobs/sha256/$md"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' "$md" "$ms" > "$layout/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"
total=$(du -sm "$layout" | cut -f1)
export layout md work
echo "image: sha256:$md, ${total} MiB in 3 layers" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_registry() { # fresh storage every time
  local dir="$work/reg-$1"; rm -rf "$dir"; mkdir -p "$dir"
  port=$(free_port); export port
  cat > "$dir/config.yml" <<YML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
http:
  addr: 127.0.0.1:$port
YML
  docker-registry serve "$dir/config.yml" > "$dir/log" 2>&1 & reg_pid=$!
  for _ in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && return; sleep 0.05; done
  echo "registry did not start: $(cat "$dir/log")" >&2; exit 2
}
stop_registry() { kill "$reg_pid"; wait "$reg_pid" 2>/dev/null || true; reg_pid=""; rm -rf "$work/reg-$1"; }
now() { date +%s%N; }

run_ingot() { # through the launcher, as a user runs it (its CDS archive is made by the warm-up)
  ./ingot push --insecure "$layout" "127.0.0.1:$port/bench/ingot-$1:latest" > "$work/ingot.out"
  grep -q "sha256:$md" "$work/ingot.out" || { echo "ingot pushed a different digest" >&2; exit 1; }
}
run_skopeo() {
  skopeo copy --quiet --dest-tls-verify=false "oci:$layout:latest" \
    "docker://127.0.0.1:$port/bench/skopeo-$1:latest"
}
time_one() { # tool run -> "wall_ms cpu_ms" (cpu: user+sys of the tool, not the registry)
  start_registry "$1-$2"
  local t0 t1; t0=$(now)
  /usr/bin/time -f '%U %S' -o "$work/cpu" bash -c "$(declare -f "run_$1"); run_$1 $2"
  t1=$(now)
  stop_registry "$1-$2"
  echo "$(( (t1 - t0) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu")"
}

# Warm-up runs (page cache), not counted. The launcher's start-up cache for a command holds the
# classes of the run that recorded it, so it is made afresh by the warm-up pushes: the first
# records, the second makes the cache (JDK 25+; on older JDKs the first makes a CDS archive).
rm -rf target/ingot.jsa target/aot
time_one ingot 0 >/dev/null; time_one ingot 0 >/dev/null; time_one skopeo 0 >/dev/null
ingot_ms=(); skopeo_ms=(); ingot_cpu=(); skopeo_cpu=()
one() { # tool run
  local w c; read -r w c < <(time_one "$1" "$2")
  eval "${1}_ms+=($w); ${1}_cpu+=($c)"
}
for r in $(seq "$RUNS"); do
  if (( r % 2 )); then one ingot "$r"; one skopeo "$r"; else one skopeo "$r"; one ingot "$r"; fi
  echo "run $r: ingot ${ingot_ms[-1]} ms (cpu ${ingot_cpu[-1]} ms)," \
    "skopeo ${skopeo_ms[-1]} ms (cpu ${skopeo_cpu[-1]} ms)" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mi=$(median "${ingot_ms[@]}"); ms_=$(median "${skopeo_ms[@]}")
ci=$(median "${ingot_cpu[@]}"); cs=$(median "${skopeo_cpu[@]}")
echo "median wall: ingot ${mi} ms, skopeo ${ms_} ms (${total} MiB, $RUNS runs each)"
echo "median cpu (user+sys): ingot ${ci} ms, skopeo ${cs} ms"
awk -v s="$cs" -v i="$ci" 'BEGIN { printf "cpu ratio skopeo/ingot %.2f\n", s / i }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v s="$ms_" -v i="$mi" 'BEGIN { printf "ratio skopeo/ingot %.2f\n", s / i }'
