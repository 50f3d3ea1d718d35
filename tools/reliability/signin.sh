#!/usr/bin/env bash
# Signs USER (password demo) in to Loop CRM at BASE through Keycloak's real login form, as a
# browser would, and leaves the cookies in JAR. Prints the Cookie header the app wants.
# Usage: tools/reliability/signin.sh USER JAR [BASE]
set -euo pipefail
user=$1 jar=$2 base=${3:-http://localhost:8080}
rm -f "$jar"
login=$(curl -s -L -c "$jar" -b "$jar" "$base/")
action=$(grep -o 'id="kc-form-login"[^>]*action="[^"]*"' <<<"$login" | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
if [[ -z "$action" ]]; then
  echo "no Keycloak login form at $base/" >&2
  exit 1
fi
curl -s -L -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$user" \
  --data-urlencode "password=demo" --data "credentialId=" "$action"
if ! grep -q q_session "$jar"; then
  echo "$user was not signed in" >&2
  exit 1
fi
# the app's cookies only (Keycloak's share the host name)
awk '$1 ~ /localhost/ && ($6 ~ /^q_session/) {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar"
