#!/usr/bin/env bash
# Installs the Mailvet prober on a fresh Debian or Ubuntu VM (README "Deploy"):
#   sudo MAILVET_PROBER_URL=https://prober-eu1.example.net MAILVET_HELO_NAME=probe-eu1.example.net \
#        MAILVET_PROBER_SECRET=… infra/prober/install.sh dist/prober.mjs
# It creates the system user mailvet-prober, installs Node 22 (the official build, checksum
# checked) and the bundle in /opt/mailvet-prober, the settings and hop secret in
# /etc/mailvet-prober/env (0600, kept on a re-run), the hardened systemd unit, journald limits
# (log rotation), and starts the service. Running it again updates the bundle and the unit.
#
# --root DIR --dry-run writes the files under DIR instead of / and prints the system commands
# (user, download, systemctl) instead of running them; the tests use it.
set -euo pipefail

NODE_VERSION=22.23.3
root=""
dry_run=0
bundle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="${2:?--root needs a directory}"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    *) bundle="$1"; shift ;;
  esac
done
here="$(cd "$(dirname "$0")" && pwd)"
[ -n "$bundle" ] || { echo "usage: install.sh [--root DIR --dry-run] path/to/prober.mjs" >&2; exit 2; }
[ -f "$bundle" ] || { echo "install.sh: no bundle at $bundle (build it with npm run build:prober)" >&2; exit 2; }
if [ "$dry_run" = 0 ] && [ "$(id -u)" != 0 ]; then echo "install.sh: run it as root (sudo)" >&2; exit 2; fi
if [ "$dry_run" = 1 ] && [ -z "$root" ]; then echo "install.sh: --dry-run needs --root DIR" >&2; exit 2; fi

# Runs a system command, or prints it in a dry run.
run() {
  if [ "$dry_run" = 1 ]; then echo "would run: $*"; else "$@"; fi
}

port="${MAILVET_PROBER_PORT:-8788}"
case "$port" in ''|*[!0-9]*) echo "install.sh: MAILVET_PROBER_PORT must be a port number" >&2; exit 2 ;; esac

# 1. The user the prober runs as: no login, no home.
if ! id mailvet-prober >/dev/null 2>&1 || [ "$dry_run" = 1 ]; then
  run useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin mailvet-prober
fi

# 2. Node 22, the official build, unless this version is there already.
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "install.sh: unsupported machine $(uname -m)" >&2; exit 2 ;; esac
if [ "$("$root/opt/mailvet-prober/node/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  tarball="node-v$NODE_VERSION-linux-$arch.tar.xz"
  command -v curl >/dev/null && command -v xz >/dev/null && [ "$dry_run" = 0 ] ||
    run apt-get install -y --no-install-recommends curl ca-certificates xz-utils
  run sh -c "cd /tmp && curl -fsSLO https://nodejs.org/dist/v$NODE_VERSION/$tarball && curl -fsSL https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt | grep ' $tarball\$' | sha256sum -c - && rm -rf /opt/mailvet-prober/node && mkdir -p /opt/mailvet-prober/node && tar -xJf $tarball -C /opt/mailvet-prober/node --strip-components=1 && rm $tarball"
fi

# 3. The bundle, owned by root: the prober cannot change its own code.
install -d -m 0755 "$root/opt/mailvet-prober"
install -m 0644 "$bundle" "$root/opt/mailvet-prober/prober.mjs"

# 4. Settings and the hop secret, readable by root only (systemd reads the file before it drops
#    to the prober's user). Kept as it is on a re-run.
install -d -m 0755 "$root/etc/mailvet-prober"
env_file="$root/etc/mailvet-prober/env"
if [ ! -f "$env_file" ]; then
  secret="${MAILVET_PROBER_SECRET:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
  [ -n "${MAILVET_PROBER_SECRET:-}" ] || echo "install.sh: made a new hop secret; give the edge the same (see $env_file)"
  (
    umask 077
    {
      echo "# Mailvet prober settings (README \"Settings\"); restart after a change: systemctl restart mailvet-prober"
      echo "MAILVET_PROBER_SECRET=$secret"
      echo "MAILVET_PROBER_PORT=$port"
      echo "MAILVET_PROBER_LISTEN=${MAILVET_PROBER_LISTEN:-127.0.0.1}"
      for name in MAILVET_PROBER_URL MAILVET_HELO_NAME MAILVET_MAIL_FROM MAILVET_DOH_URL MAILVET_PROBER_TLS_CERT MAILVET_PROBER_TLS_KEY; do
        if [ -n "${!name:-}" ]; then echo "$name=${!name}"; fi
      done
    } > "$env_file"
  )
  chmod 0600 "$env_file"
fi

# 5. The unit, and for a port below 1024 the one capability that binds it.
install -d -m 0755 "$root/etc/systemd/system"
install -m 0644 "$here/mailvet-prober.service" "$root/etc/systemd/system/mailvet-prober.service"
drop_in="$root/etc/systemd/system/mailvet-prober.service.d"
if [ "$port" -lt 1024 ]; then
  install -d -m 0755 "$drop_in"
  printf '%s\n' "# Written by install.sh: the prober's port $port is below 1024." "[Service]" \
    "CapabilityBoundingSet=CAP_NET_BIND_SERVICE" "AmbientCapabilities=CAP_NET_BIND_SERVICE" \
    "# A capability inside a user namespace would not bind a host port." "PrivateUsers=no" > "$drop_in/bind-port.conf"
else
  rm -f "$drop_in/bind-port.conf"
fi

# 6. Log rotation: the prober logs to the journal, which rotates by these limits.
install -d -m 0755 "$root/etc/systemd/journald.conf.d"
install -m 0644 "$here/journald-mailvet-prober.conf" "$root/etc/systemd/journald.conf.d/mailvet-prober.conf"

# 7. Start it (or restart it on the new bundle).
run systemctl restart systemd-journald
run systemctl daemon-reload
run systemctl enable mailvet-prober.service
run systemctl restart mailvet-prober.service
echo "install.sh: mailvet-prober installed; logs: journalctl -u mailvet-prober"
