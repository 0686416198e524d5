#!/usr/bin/env bash
# Installs every build and test dependency of Vigie on Debian 12, quietly when already there.
# Idempotent: only missing packages are installed. Needs root (uses sudo when not root).
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # carte Vitale over PC/SC (the daemon and the vpcd driver for the hardware-free test tier)
  libpcsclite-dev pcscd pcsc-tools vsmartcard-vpcd
  # core, store, CLI
  libsqlite3-dev sqlite3 nlohmann-json3-dev
  # INSi client (SOAP, mTLS) and its simulator
  libxml2-dev libxml2-utils libcurl4-openssl-dev libssl-dev libcpp-httplib-dev
  # printing: the Datamatrix INS symbol (libdmtx, C40 header), PNG; zxing-cpp decodes it in tests
  libdmtx-dev libpng-dev zxing-cpp-tools
  # printing: layout and PDF/PNG/SVG (cairo + Pango, DejaVu fonts), other barcodes (zint);
  # poppler-utils rasterises PDF pages for the decode tests
  libcairo2-dev libpango1.0-dev fonts-dejavu-core libzint-dev poppler-utils
  # printing through CUPS (the CUPS tier starts its own cupsd with a file-backed queue)
  cups cups-client cups-bsd libcups2-dev
  # the counter app (wxWidgets 3.2, GTK 3) and its GUI test tier under Xvfb
  libwxgtk3.2-dev xvfb xauth jq
  # tests: Boost.Test, libFuzzer (clang), curl for the simulator's smoke test
  libboost-test-dev clang libclang-rt-14-dev curl
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: root or sudo is needed to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
