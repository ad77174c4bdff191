#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs the real peers the tests use
# (registry, skopeo, umoci, qemu, e2fsprogs, grub, packer, …), then runs Maven's verify
# (unit tests, peer tests, formatter check, architecture check). Tests start their servers
# themselves, on loopback. Usage: ./test.sh [extra maven args, e.g. -Dtest=HclParserTest]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# command → Debian package that provides it
declare -A need=(
  [mvn]=maven [docker-registry]=docker-registry [skopeo]=skopeo [umoci]=umoci
  [qemu-img]=qemu-utils [qemu-system-x86_64]=qemu-system-x86 [mke2fs]=e2fsprogs
  [e2fsck]=e2fsprogs [mcopy]=mtools [mkfs.fat]=dosfstools [grub-mkimage]=grub-common
  [mmdebstrap]=mmdebstrap [dpkg-deb]=dpkg [apt-ftparchive]=apt-utils [packer]=packer
  [htpasswd]=apache2-utils [gpg]=gnupg [openssl]=openssl [zstd]=zstd [xz]=xz-utils
  [hyperfine]=hyperfine [unshare]=util-linux [sfdisk]=fdisk [blkid]=util-linux [debugfs]=e2fsprogs
  [getfattr]=attr [setfattr]=attr [podman]=podman [sbsign]=sbsigntool [strace]=strace
)
# files → package (firmware and boot images have no command)
declare -A needfile=(
  [/usr/share/ovmf/OVMF.fd]=ovmf [/usr/share/seabios/bios-256k.bin]=seabios
  [/usr/lib/grub/i386-pc/boot.img]=grub-pc-bin [/usr/lib/grub/x86_64-efi/linux.mod]=grub-efi-amd64-bin
  [/bin/busybox]=busybox-static
)
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
updated=""
apt_install() {
  echo "test.sh: installing $*" >&2
  [ -n "$updated" ] || { $SUDO apt-get update -qq; updated=1; }
  # env, not a prefix: sudo would drop a DEBIAN_FRONTEND set in front of it.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
for c in "${!need[@]}"; do command -v "$c" >/dev/null 2>&1 || missing+=("${need[$c]}"); done
for f in "${!needfile[@]}"; do [ -e "$f" ] || missing+=("${needfile[$f]}"); done
if [ ${#missing[@]} -gt 0 ]; then
  # shellcheck disable=SC2046 # one word per package
  apt_install $(printf '%s\n' "${missing[@]}" | sort -u)
fi

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1; }
# JAVA_HOME when it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm (empty when none).
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME/bin/java" 2>/dev/null || echo 0)" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" bestv=0 v d
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] || continue
    v=$(java_major "$d/bin/java" 2>/dev/null || echo 0)
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$bestv" ]; then best="$d"; bestv=$v; fi
  done
  echo "$best"
}
jdk=$(find_jdk)
if [ -z "$jdk" ]; then
  # Debian 13 and later package JDK 21; elsewhere install one (e.g. Temurin) or set JAVA_HOME.
  apt_install openjdk-21-jdk-headless || true
  jdk=$(find_jdk)
fi
[ -n "$jdk" ] || { echo "test.sh: no JDK >= 21 (JAVA_HOME, /usr/lib/jvm/*); install one and retry" >&2; exit 2; }
export JAVA_HOME="$jdk"
echo "test.sh: JDK $JAVA_HOME" >&2

exec mvn -B -ntp verify "$@"
