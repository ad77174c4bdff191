# Shared by bench/convert.sh and bench/overlay.sh (sourced, with $here the repository): the
# launcher, and a 2 GiB raw disk holding a real Debian root filesystem (ext4 made by mke2fs -d
# from a mmdebstrap tree of the host's apt sources), made once in $work ($BENCH_DIR, default
# $TMPDIR/ingot-bench-convert); median and timeit for the timed runs.
work="${BENCH_DIR:-${TMPDIR:-/tmp}/ingot-bench-convert}"
mkdir -p "$work"
cd "$here"

java_bin() {
  for d in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$d" ] && [ -x "$d/bin/java" ] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
    [ "${v%%.*}" -ge 21 ] 2>/dev/null && { echo "$d/bin/java"; return; }
  done
  echo "bench: no JDK 21+ found" >&2; exit 2
}
JAVA="$(java_bin)"
[ -f target/ingot.jar ] || mvn -o -q -B -DskipTests package >&2
# The ./ingot launcher itself (its JVM flags and class-data archive): what users run.
ingot=("$here/ingot")

rootfs="${ROOTFS:-${TMPDIR:-/tmp}/ingot-test-cache/disk-rootfs-v1/root}"
if [ ! -d "$rootfs/usr" ]; then
  echo "bench: making a Debian root filesystem with mmdebstrap into $rootfs" >&2
  src=/etc/apt/sources.list.d/debian.sources; [ -f "$src" ] || src=/etc/apt/sources.list
  mkdir -p "$(dirname "$rootfs")"
  mmdebstrap --variant=minbase --include=linux-image-cloud-amd64,systemd-sysv,udev,initramfs-tools,openssh-server \
    bookworm "$rootfs" "$src" >&2
fi
raw="$work/disk.raw"
if [ ! -f "$raw" ]; then
  truncate -s 2G "$raw.tmp"
  E2FSPROGS_FAKE_TIME=1700000000 mke2fs -q -F -t ext4 -E offset=1048576 -d "$rootfs" "$raw.tmp" 2000M
  mv "$raw.tmp" "$raw"
fi
echo "input: $raw, $(du -h --apparent-size "$raw" | cut -f1) virtual, $(du -h "$raw" | cut -f1) allocated"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { # prints seconds of one run of "$@"
  local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
  awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f\n", (e-s)/1e9}'
}
