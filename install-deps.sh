#!/bin/sh
# Installs every Debian 12 package docconv needs to build, typeset and test.
# Run as root; idempotent; prints nothing but errors when all is there.
set -eu

PKGS="build-essential autoconf automake pkg-config gettext
libglib2.0-dev libxml2-dev libxml2-utils libcairo2-dev libpango1.0-dev
libharfbuzz-dev libfontconfig-dev libzip-dev zip unzip libhyphen-dev hyphen-en-us
libqpdf-dev
fonts-noto-cjk fonts-noto-cjk-extra fonts-linuxlibertine fonts-ebgaramond
poppler-utils qpdf epubcheck jing default-jre-headless
clang libclang-rt-14-dev valgrind time"

missing=
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps.sh: missing packages:$missing" >&2
	echo "install-deps.sh: run as root (or with sudo) to install them" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
