#!/usr/bin/env bash
# Makes sure headless Chromium is there for the browser tests and the pdf command (npm pretest,
# .ci/run). Silent when it is; installs Debian's package when it can (root, or passwordless sudo);
# otherwise says what to do and fails.
set -euo pipefail
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

packages=(chromium fonts-dejavu-core)
if [ -n "${CHROMIUM:-}" ]; then
  echo "ensure-chromium: CHROMIUM=$CHROMIUM is not an executable file" >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-chromium: the browser tests need Chromium at /usr/bin/chromium." >&2
  echo "  Install it:  sudo apt-get install --no-install-recommends ${packages[*]}" >&2
  echo "  or point CHROMIUM at a Chromium or Chrome binary." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no apt-get here; install Chromium and set CHROMIUM to its path." >&2
  exit 1
fi
echo "ensure-chromium: installing ${packages[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
${as_root[@]+"${as_root[@]}"} apt-get update -qq
${as_root[@]+"${as_root[@]}"} apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
[ -x /usr/bin/chromium ] || { echo "ensure-chromium: apt-get ran but /usr/bin/chromium is still missing" >&2; exit 1; }
