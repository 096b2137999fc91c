#!/usr/bin/env bash
# Runs every test: type checks, the build, the Electron security audit, and the unit,
# integration and e2e suites. Installs what they need first (Debian/Ubuntu packages when
# missing, npm packages) and starts what they need (a Secret Service for the keychain;
# redis-server, sshd and the app are started by the tests themselves on loopback ports).
#
#   npm test                 everything
#   npm test -- --project unit    extra arguments go to vitest
set -euo pipefail
cd "$(dirname "$0")/.."

# libsecret-1-dev, g++, make and python3 build keytar: the app installs without it (an optional
# dependency), but the suites test the real keychain.
APT_PACKAGES=(redis-server redis-tools gnome-keyring dbus libsecret-1-dev g++ make python3 chromium openssh-server openssh-client fonts-noto-cjk openssl procps)

step() { printf '\n== %s\n' "$*"; }

install_system_packages() {
  local missing=()
  if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${APT_PACKAGES[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
  else
    cat >&2 <<'MSG'
This is not a Debian/Ubuntu system, so the test script cannot install what the suites need.
Install these yourself, then run the tests again:
  - Node.js >= 22.12 and npm
  - redis-server (with TLS support) and redis-cli
  - a Secret Service for the keychain (Linux: gnome-keyring + dbus; macOS/Windows use the OS keychain)
  - libsecret development headers and a C++ compiler (to build keytar; Linux: libsecret-1-dev)
  - Chromium, at /usr/bin/chromium or named by PSE_CHROMIUM=/path/to/chromium
  - OpenSSH server (sshd) and client
MSG
    for tool in redis-server chromium sshd; do command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 1; }; done
    return 0
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  step "Installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Please install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_npm_packages() {
  if [ -n "${CI:-}" ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
  fi
  # keytar is optional: npm goes on without it when its build fails (and may skip install
  # scripts silently). The suites need the real keychain, so make sure its native module exists.
  if [ ! -f node_modules/keytar/package.json ]; then
    echo "npm installed no keytar (its optional build failed; see npm's output above). Install libsecret-1-dev, g++, make and python3, then run: npm ci" >&2
    exit 1
  fi
  if [ ! -f node_modules/keytar/build/Release/keytar.node ]; then
    step "Building keytar from source"
    npm rebuild keytar --foreground-scripts
    [ -f node_modules/keytar/build/Release/keytar.node ] || { echo "keytar did not build: is libsecret-1-dev installed?" >&2; exit 1; }
  fi
}

install_system_packages
install_npm_packages

step "Type checks (main and renderer)"
npm run --silent typecheck

step "Build (electron-vite)"
npx electron-vite build --logLevel warn

step "Electron security audit (Electronegativity)"
node scripts/electronegativity.mjs

step "Test suites: unit, integration, e2e (inside a private D-Bus session with an unlocked keyring)"
mkdir -p test-artifacts
rm -f test-artifacts/vitest.json
status=0
dbus-run-session -- bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@" || status=$?

# One plain closing line, whatever the runner printed above.
node -e '
const fs = require("fs")
const file = "test-artifacts/vitest.json"
if (!fs.existsSync(file)) { console.log("tests: 0 passed, 1 failed"); process.exit(0) }
const r = JSON.parse(fs.readFileSync(file, "utf8"))
const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0)
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""))
'
exit $status
