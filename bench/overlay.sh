#!/usr/bin/env bash
# A patched image as an overlay of the last release, Ingot against qemu-img, side by side in one
# run. The last release is the 2 GiB Debian disk of bench/convert.sh (as qcow2); the patched one is
# a copy in which 200 files of /usr/bin were replaced by new contents of their size (debugfs rm +
# write: new data blocks, inode, bitmap and directory changes, as a package upgrade makes them).
# Both tools write `convert -B last.qcow2 -O qcow2 patched.raw`: qemu-img stores every allocated
# cluster of the input, Ingot only the clusters that differ from the base. Median of RUNS runs
# (default 5); prints sizes and times, then "ratio qemu-img/ingot" for size and, last, for time.
# Usage: bench/overlay.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
# shellcheck source=bench/disk-input.sh
source "$here/bench/disk-input.sh"

base="$work/last.qcow2"
patched="$work/patched.raw"
if [ ! -f "$patched" ]; then
  qemu-img convert -f raw -O qcow2 "$raw" "$base"
  cp --sparse=always "$raw" "$patched.tmp"
  script="$work/patch.debugfs"
  : >"$script"
  mkdir -p "$work/new"
  n=0
  for f in $(cd "$rootfs" && find usr/bin -maxdepth 1 -type f -size +1k | sort | head -200); do
    head -c "$(stat -c %s "$rootfs/$f")" /dev/urandom >"$work/new/$n"
    printf 'rm /%s\nwrite %s /%s\n' "$f" "$work/new/$n" "$f" >>"$script"
    n=$((n + 1))
  done
  debugfs -w -f "$script" "$patched.tmp?offset=1048576" >/dev/null 2>&1
  e2fsck -fn "$patched.tmp?offset=1048576" >/dev/null 2>&1 || true
  rm -rf "$work/new" "$script"
  mv "$patched.tmp" "$patched"
  echo "patched: $n files of /usr/bin replaced"
fi
[ -f "$base" ] || qemu-img convert -f raw -O qcow2 "$raw" "$base"

rm -rf "$here/target/aot" "$here/target/ingot.jsa"
for _ in 1 2; do rm -f "$work/w.out"; "${ingot[@]}" convert -B last.qcow2 -O qcow2 "$patched" "$work/w.out" >/dev/null; done
rm -f "$work/w.out"

qt=() it=()
for ((r = 0; r < runs; r++)); do
  rm -f "$work/q.out" "$work/i.out"
  if ((r % 2 == 0)); then
    sync; qt+=("$(timeit qemu-img convert -f raw -B last.qcow2 -F qcow2 -O qcow2 "$patched" "$work/q.out")")
    sync; it+=("$(timeit "${ingot[@]}" convert -f raw -B last.qcow2 -O qcow2 "$patched" "$work/i.out")")
  else
    sync; it+=("$(timeit "${ingot[@]}" convert -f raw -B last.qcow2 -O qcow2 "$patched" "$work/i.out")")
    sync; qt+=("$(timeit qemu-img convert -f raw -B last.qcow2 -F qcow2 -O qcow2 "$patched" "$work/q.out")")
  fi
done
for o in q.out i.out; do
  qemu-img compare -q -f raw "$patched" "$work/$o" || { echo "bench: $o differs from the patched image" >&2; exit 1; }
done
qm=$(printf '%s\n' "${qt[@]}" | median)
im=$(printf '%s\n' "${it[@]}" | median)
qs=$(stat -c %s "$work/q.out")
is=$(stat -c %s "$work/i.out")
printf 'overlay  qemu-img %6.2f s (%7.1f MiB)   ingot %6.2f s (%7.1f MiB)\n' "$qm" "$(awk -v b="$qs" 'BEGIN {print b / 1048576}')" "$im" "$(awk -v b="$is" 'BEGIN {print b / 1048576}')"
rm -f "$work/q.out" "$work/i.out"
awk -v q="$qs" -v i="$is" 'BEGIN {printf "ratio qemu-img/ingot overlay size: %.1f\n", q / i}'
awk -v q="$qm" -v i="$im" 'BEGIN {printf "ratio qemu-img/ingot overlay time: %.2f\n", q / i}'
