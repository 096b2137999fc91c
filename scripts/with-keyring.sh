#!/usr/bin/env bash
# Inside `dbus-run-session`: start a throwaway GNOME Keyring (Secret Service), unlocked, so
# keytar talks to a real keychain that dies with this session. Then run the given command.
set -euo pipefail
if command -v gnome-keyring-daemon >/dev/null 2>&1; then
  # A fresh keyring home per run: never the user's own keyrings.
  export XDG_DATA_HOME="$(mktemp -d)"
  eval "$(printf 'pse-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
fi
exec "$@"
