#!/usr/bin/env bash
# deps.sh TARGET — make sure this Debian machine has what `make TARGET` needs,
# installing what is missing: with apt-get when run as root, otherwise by
# printing the exact command to run. TARGET is run, test or package.
set -euo pipefail
target=${1:-run}
cd "$(dirname "$0")/.."

# Fyne draws with OpenGL through GLFW, which cgo builds against these.
packages=(gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev)
case "$target" in
run) ;;
package)
	# The bundle's desktop entry is checked with desktop-file-validate.
	packages+=(desktop-file-utils xz-utils)
	;;
test)
	# The window tests run the real app in Xvfb, drive it with xdotool and
	# take screenshots with ImageMagick; the backup test opens a backup
	# with the standard age tool.
	packages+=(xvfb xdotool imagemagick age)
	# The QR tests read every generated symbol back with an independent
	# decoder, zbarimg.
	packages+=(zbar-tools)
	# The Europass export tests validate the legacy CV with xmllint and render the PDF with pdftoppm.
	packages+=(libxml2-utils poppler-utils)
	# The verifier page's tests open it in headless Chromium; brotli and
	# zopfli precompress it (make verifier).
	packages+=(chromium brotli zopfli)
	# The interop tests run the third-party harness in ../shared/interop,
	# which needs Node.js (20 or newer) and npm; a Node.js installed some
	# other way counts.
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		packages+=(nodejs npm)
	fi
	;;
*)
	echo "deps.sh: unknown target $target (run, test or package)" >&2
	exit 2
	;;
esac

if command -v dpkg-query >/dev/null 2>&1; then
	missing=()
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	if ((${#missing[@]})); then
		if [ "$(id -u)" = 0 ]; then
			echo "Installing ${missing[*]}"
			apt-get update -qq
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
		else
			echo "Satchel needs these Debian packages for 'make $target': ${missing[*]}"
			echo "Install them with:"
			echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
			exit 1
		fi
	fi
else
	echo "deps.sh: not a Debian system; make sure these (or your system's equivalents) are installed: ${packages[*]}" >&2
fi

if [ "$target" = test ] && command -v node >/dev/null 2>&1; then
	major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
	if [ "$major" -lt 20 ]; then
		echo "Note: the interop harness asks for Node.js 20 or newer; this machine has $(node --version)." >&2
	fi
fi

# Go itself: the version go.mod asks for, or newer.
want=$(awk '/^go /{print $2; exit}' go.mod)
if ! command -v go >/dev/null 2>&1; then
	echo "Satchel needs Go $want or newer: https://go.dev/dl/ (Debian's golang-go is older)." >&2
	exit 1
fi
have=$(go env GOVERSION | sed 's/^go//')
if [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -1)" != "$want" ]; then
	echo "Go $have is older than the $want go.mod needs; the go command will fetch a newer toolchain if GOTOOLCHAIN allows." >&2
fi
go mod download
