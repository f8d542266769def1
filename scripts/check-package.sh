#!/usr/bin/env bash
# check-package.sh BUNDLE checks the Linux bundle make package built: it
# installs it into a scratch folder with the bundle's own Makefile, as a
# learner would with "sudo make install", and checks that the program, the
# icon and a valid desktop entry land where desktop environments look.
set -euo pipefail

bundle=${1:?usage: check-package.sh build/Satchel.tar.xz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tar -xJf "$bundle" -C "$work"
make -s -C "$work/satchel" install DESTDIR="$work/root" PREFIX=/usr >/dev/null

fail() {
	echo "check-package: $*" >&2
	exit 1
}
bin=$work/root/usr/bin/satchel
entry=$work/root/usr/share/applications/eu.satchel.wallet.desktop
icon=$work/root/usr/share/pixmaps/eu.satchel.wallet.png

[ -x "$bin" ] || fail "the bundle installs no executable at /usr/bin/satchel"
file -b "$bin" | grep -q '^ELF 64-bit LSB' || fail "/usr/bin/satchel is not a Linux program: $(file -b "$bin")"
[ -f "$entry" ] || fail "the bundle installs no desktop entry"
desktop-file-validate "$entry" || fail "the desktop entry is not valid (above)"
grep -qx 'Exec=satchel' "$entry" || fail "the desktop entry does not start satchel"
grep -qx 'Icon=eu.satchel.wallet' "$entry" || fail "the desktop entry names another icon"
[ -f "$icon" ] || fail "the bundle installs no icon"
file -b "$icon" | grep -q 'PNG image data, 512 x 512' || fail "the icon is not a 512x512 PNG: $(file -b "$icon")"
# The program answers -h without opening a window (it exits 0 after usage).
"$bin" -h 2>&1 | grep -q -- '-wallet' || fail "satchel -h does not print its options"

echo "check-package: $bundle installs /usr/bin/satchel, its desktop entry and its 512x512 icon"
ls -l "$bundle"
