#!/usr/bin/env bash
# Disk conversion speed, Ingot against qemu-img, side by side in one run: a 2 GiB raw disk holding
# a real Debian root filesystem (ext4 made with mke2fs -d from a mmdebstrap tree) is converted to
# qcow2, compressed qcow2 (zlib; zstd too, for information) and streamOptimized VMDK by both;
# each case runs RUNS times (default 5) and the median wall time is compared. Prints sizes too,
# and "ratio qemu-img/ingot" per case, the VMDK one last. Usage: bench/convert.sh [RUNS]   (ROOTFS=dir to use another root filesystem)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
# shellcheck source=bench/disk-input.sh
source "$here/bench/disk-input.sh"

# The launcher's start-up cache for `convert` is recorded by one run and made by the next (JDK
# 25+): both happen here, before anything is timed, as they would on a user's first two runs.
rm -rf "$here/target/aot" "$here/target/ingot.jsa"
for _ in 1 2; do rm -f "$work/w.out"; "${ingot[@]}" convert -f raw -O qcow2 "$raw" "$work/w.out" >/dev/null; done
rm -f "$work/w.out"

results=()
bench_case() { # name, qemu-img args..., --, ingot args...
  local name="$1"; shift
  local q=() i=()
  while [ "$1" != "--" ]; do q+=("$1"); shift; done; shift
  i=("$@")
  local qt=() it=()
  # Each timed run starts with no dirty pages left by the one before (sync, not timed), and the
  # tools take turns going first: otherwise the second one shares the machine with the kernel
  # writing back the first one's output.
  for ((r = 0; r < runs; r++)); do
    rm -f "$work/q.out" "$work/i.out"
    if ((r % 2 == 0)); then
      sync; qt+=("$(timeit qemu-img convert -f raw "${q[@]}" "$raw" "$work/q.out")")
      sync; it+=("$(timeit "${ingot[@]}" convert -f raw "${i[@]}" "$raw" "$work/i.out")")
    else
      sync; it+=("$(timeit "${ingot[@]}" convert -f raw "${i[@]}" "$raw" "$work/i.out")")
      sync; qt+=("$(timeit qemu-img convert -f raw "${q[@]}" "$raw" "$work/q.out")")
    fi
  done
  local qm im
  qm=$(printf '%s\n' "${qt[@]}" | median)
  im=$(printf '%s\n' "${it[@]}" | median)
  local qs is
  qs=$(stat -c %s "$work/q.out"); is=$(stat -c %s "$work/i.out")
  qemu-img compare -q -f raw "$raw" "$work/i.out" || { echo "bench: $name output differs from the input" >&2; exit 1; }
  printf '%-22s qemu-img %6.2f s (%5d MiB)   ingot %6.2f s (%5d MiB)\n' "$name" "$qm" $((qs >> 20)) "$im" $((is >> 20))
  results+=("$(awk -v q="$qm" -v i="$im" -v n="$name" 'BEGIN {printf "ratio qemu-img/ingot %s: %.2f", n, q/i}')")
}

bench_case "qcow2" -O qcow2 -- -O qcow2
bench_case "qcow2 compressed" -O qcow2 -c -- -O qcow2 -c
bench_case "qcow2 zstd" -O qcow2 -c -o compression_type=zstd -- -O qcow2 -c -o compression_type=zstd
bench_case "vmdk streamOptimized" -O vmdk -o subformat=streamOptimized -- -O vmdk -o subformat=streamOptimized
rm -f "$work/q.out" "$work/i.out"
printf '%s\n' "${results[@]}"
