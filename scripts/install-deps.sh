#!/usr/bin/env bash
# Installs the Debian packages Avenir needs that are missing. Idempotent.
#   scripts/install-deps.sh run    build + serve
#   scripts/install-deps.sh test   + PostgreSQL, Chromium, Node.js (browser tests), nginx (two instances)
#   scripts/install-deps.sh bench  + wrk, nginx and PostgreSQL (benchmarks)
#   scripts/install-deps.sh proof  + sqlmap, slowhttptest (the drills of make proof)
set -euo pipefail
what=${1:-run}
pkgs=(build-essential cmake pkg-config gettext
      libboost1.74-dev libboost-locale1.74-dev libkainjow-mustache-dev
      libcmark-gfm-dev libcmark-gfm-extensions-dev libtomlplusplus-dev libcli11-dev
      nlohmann-json3-dev libsodium-dev libzip-dev libsqlite3-dev libpq-dev zlib1g-dev libgtest-dev sqlite3
      libcrack2-dev cracklib-runtime liboath-dev libqrencode-dev
      libcurl4-openssl-dev libmagic-dev libstemmer-dev libxml2-dev libcsv-dev libical-dev
      pandoc)
case "$what" in
  run) ;;
  test) pkgs+=(postgresql chromium unzip python3-aiosmtpd python3-feedparser python3-icalendar nginx-light
        python3-docx python3-odf libreoffice-writer-nogui python3-jsonschema) ;;
  bench) pkgs+=(wrk nginx-light curl postgresql) ;;
  proof) pkgs+=(sqlmap slowhttptest sqlite3 curl postgresql nginx-light) ;;
  *) echo "usage: $0 run|test|bench|proof" >&2; exit 2 ;;
esac
if [ "$what" = test ] && ! command -v npm >/dev/null 2>&1; then pkgs+=(nodejs npm); fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
