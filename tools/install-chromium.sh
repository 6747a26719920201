#!/usr/bin/env bash
# Debian's Chromium for the browser tests and the viz benchmark (Playwright drives it; no browser
# download from elsewhere). Does nothing when a Chromium is already there or KG_CHROMIUM is set.
set -euo pipefail
if [ -n "${KG_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "installing Chromium from Debian's packages (for the browser tests)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
