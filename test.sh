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
  [getfattr]=attr [setfattr]=attr
)
# files → package (firmware and boot images have no command)
declare -A needfile=(
  [/usr/share/ovmf/OVMF.fd]=ovmf [/usr/share/seabios/bios-256k.bin]=seabios
  [/usr/lib/grub/i386-pc/boot.img]=grub-pc-bin [/usr/lib/grub/x86_64-efi/linux.mod]=grub-efi-amd64-bin
  [/bin/busybox]=busybox-static
)
missing=()
for c in "${!need[@]}"; do command -v "$c" >/dev/null 2>&1 || missing+=("${need[$c]}"); done
for f in "${!needfile[@]}"; do [ -e "$f" ] || missing+=("${needfile[$f]}"); done
if [ ${#missing[@]} -gt 0 ]; then
  pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  echo "test.sh: installing $pkgs" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
fi

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java" 2>/dev/null | cut -d. -f1)" -lt 21 ] 2>/dev/null; then
  for d in /usr/lib/jvm/*; do
    v=$(java_major "$d/bin/java" 2>/dev/null | cut -d. -f1 || echo 0)
    if [ "${v:-0}" -ge 21 ]; then export JAVA_HOME="$d"; fi
  done
fi
[ -n "${JAVA_HOME:-}" ] || { echo "test.sh: no JDK >= 21 under /usr/lib/jvm" >&2; exit 2; }
echo "test.sh: JDK $JAVA_HOME" >&2

exec mvn -B -ntp verify "$@"
