#!/bin/sh
# Installs every Debian 12 package docconv needs to build, typeset and test.
# Run as root; idempotent; prints nothing but errors when all is there.
set -eu

PKGS="build-essential autoconf automake pkg-config gettext
libglib2.0-dev libxml2-dev libxml2-utils libcairo2-dev libpango1.0-dev
libharfbuzz-dev libfontconfig-dev libfreetype-dev libzip-dev zip unzip libhyphen-dev hyphen-en-us
fonts-noto-cjk fonts-noto-cjk-extra fonts-linuxlibertine fonts-ebgaramond
poppler-utils qpdf epubcheck jing default-jre-headless
clang libclang-rt-14-dev valgrind time fontconfig python3 xz-utils
chromium libjson-glib-dev python3-jsonschema"

missing=
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

# DAISY Ace for tests/t_epub_ace.sh, from npm, run with Debian's
# chromium (no browser download); the test skips, saying so, without it.
install_ace() {
	command -v ace >/dev/null 2>&1 && return 0
	command -v ace-cli >/dev/null 2>&1 && return 0
	command -v npm >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] || return 0
	PUPPETEER_SKIP_DOWNLOAD=1 npm install -g --silent @daisy/ace-cli@1.4.6 \
	    >/dev/null 2>&1 ||
	    echo "install-deps.sh: DAISY Ace not installed (npm failed)" >&2
}

if [ -z "$missing" ]; then
	install_ace
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps.sh: missing packages:$missing" >&2
	echo "install-deps.sh: run as root (or with sudo) to install them" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
install_ace
