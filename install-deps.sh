#!/bin/sh
# Installs every Debian 12 package docconv needs to build, typeset and test.
# Run as root; idempotent; prints nothing but errors when all is there.
set -eu

PKGS="build-essential autoconf automake pkg-config gettext
libglib2.0-dev libxml2-dev libxml2-utils libcairo2-dev libpango1.0-dev
libharfbuzz-dev libfontconfig-dev libfreetype-dev libzip-dev zlib1g-dev zip unzip libhyphen-dev hyphen-en-us
libbrotli-dev libcmark-dev libdeflate-dev
fonts-noto-cjk fonts-noto-cjk-extra fonts-linuxlibertine fonts-ebgaramond
poppler-utils mupdf-tools qpdf epubcheck jing default-jre-headless
clang libclang-rt-14-dev valgrind time fontconfig python3 xz-utils
chromium parallel slurm-wlm munge libjson-glib-dev python3-jsonschema
translate-toolkit pandoc"

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

# The W3C Nu HTML checker for tests/t_html.sh (a jar run with the
# JRE jing needs; Debian has no package of it); the test says so and
# goes on without it.
install_vnu() {
	command -v npm >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] || return 0
	[ -f "$(npm root -g)/vnu-jar/build/dist/vnu.jar" ] && return 0
	npm install -g --silent vnu-jar@26.9.27 >/dev/null 2>&1 ||
	    echo "install-deps.sh: vnu-jar not installed (npm failed)" >&2
}

if [ -z "$missing" ]; then
	install_ace
	install_vnu
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
install_vnu
