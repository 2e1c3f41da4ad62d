#!/usr/bin/env bash
# Installs the real test peers that `npm run test:all` talks to, from Debian's packages, when
# they are missing. Needs root (CI and the dev machines run as root). Never starts a daemon:
# each suite starts and stops its own peers on loopback (see infra/local/).
set -euo pipefail

# Debian package -> a command it provides, to tell whether it is there already.
declare -A PEERS=(
  [unbound]=unbound
  [dnsdist]=dnsdist
  [postfix]=postfix
  [postgrey]=postgrey
)

missing=()
for pkg in "${!PEERS[@]}"; do
  command -v "${PEERS[$pkg]}" >/dev/null 2>&1 || [ -x "/usr/sbin/${PEERS[$pkg]}" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-peers: missing ${missing[*]}; run as root or install them with apt-get" >&2
  exit 1
fi

echo "install-peers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Postfix asks how it should deliver mail; the suites run their own instances with their own
# configs (infra/local/mta/), so the system one only needs to be inert.
echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
echo "postfix postfix/mailname string localhost.localdomain" | debconf-set-selections
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's packages start their daemons through init scripts where they can; the suites run
# their own instances on other ports, so a system one is harmless but not wanted.
for svc in unbound dnsdist; do
  pkill -x "$svc" 2>/dev/null || true
done
# The system Postfix would hold port 25 and postgrey port 10023; the suites' own instances run
# on ports of their own, and nothing else should answer mail on this machine.
if /usr/sbin/postfix status >/dev/null 2>&1; then
  /usr/sbin/postfix stop >/dev/null 2>&1 || true
fi
start-stop-daemon --stop --quiet --oknodo --pidfile /run/postgrey.pid --user postgrey || true
