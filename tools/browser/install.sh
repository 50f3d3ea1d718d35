#!/usr/bin/env bash
# The browser tests (it/PackagedAppIT, it/FaultsIT) drive Debian's Chromium through ChromeDriver,
# and the Chinese screenshots need a CJK font. `./mvnw verify` runs this before the integration
# tests: it does nothing when all three are there, installs them with apt-get when it may (root on
# Debian or Ubuntu), and otherwise says what to install.
set -euo pipefail

has_font() { fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && has_font; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[loop] installing Chromium, ChromeDriver and a CJK font for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei >/dev/null
  exit 0
fi
echo "[loop] the browser tests need /usr/bin/chromium, /usr/bin/chromedriver and a CJK font:" >&2
echo "[loop]   sudo apt-get install chromium chromium-driver fonts-wqy-zenhei" >&2
exit 1
