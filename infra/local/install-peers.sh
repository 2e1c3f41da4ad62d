#!/usr/bin/env bash
# Installs the real test peers that `npm run test:all` talks to, from Debian's packages, when
# they are missing. Needs root (CI and the dev machines run as root). Never starts a daemon:
# each suite starts and stops its own peers on loopback (see infra/local/).
set -euo pipefail

# Debian package -> a command (or a file) it provides, to tell whether it is there already.
declare -A PEERS=(
  [unbound]=unbound
  [dnsdist]=dnsdist
  [postfix]=postfix
  [postgrey]=postgrey
  # The browser suites (test/browser/) drive it through playwright-core.
  [chromium]=chromium
  # A CJK font, so the 中文 pages render in the browser suites' screenshots.
  [fonts-wqy-microhei]=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  # The API docs' Python examples are run by test/browser/docs.test.ts with Debian's Python.
  [python3-requests]=/usr/lib/python3/dist-packages/requests
  # infra/prober/install.test.ts checks the prober's unit with systemd-analyze (no systemd running).
  [systemd]=systemd-analyze
)

missing=()
for pkg in "${!PEERS[@]}"; do
  command -v "${PEERS[$pkg]}" >/dev/null 2>&1 || [ -x "/usr/sbin/${PEERS[$pkg]}" ] || [ -e "${PEERS[$pkg]}" ] || missing+=("$pkg")
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

# Debian's maintainer scripts start each daemon through invoke-rc.d unless policy-rc.d says
# no (exit 101). The suites run their own instances on ports of their own, so for the length of
# the install every start is refused; whatever policy the machine had is put back afterwards.
# This never touches a daemon already running, such as another run's test peers.
policy=/usr/sbin/policy-rc.d
saved=""
if [ -e "$policy" ]; then
  saved=$(mktemp)
  cp -p "$policy" "$saved"
fi
restore_policy() {
  if [ -n "$saved" ]; then mv "$saved" "$policy"; else rm -f "$policy"; fi
}
trap restore_policy EXIT
printf '#!/bin/sh\nexit 101\n' > "$policy"
chmod 755 "$policy"

apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
