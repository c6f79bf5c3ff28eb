#!/bin/sh
# azd postdeploy hook (azure.yaml): the public site's index.html and 404.html are there as soon as the app is deployed,
# so no link to the public reports ever shows the storage service's own XML error.
#
# The app writes both pages when it starts (Composition/PublicSitePreparation, from the publication records, never
# replacing an index a publication wrote). A Flex Consumption app starts on its first request, so this hook asks the
# app's anonymous health endpoint, then reads both pages back over the public static website: the index at the root and
# the 404 page for an address that holds nothing. Both are public, so there is no key and no sign-in here.
#
# Safe to run again (`azd hooks run postdeploy`). POSIX sh and curl.
# Environment (azd passes its environment, including the outputs of infra/main.bicep):
#   SERVICE_API_URI                     required (the app, e.g. https://func-….azurewebsites.net)
#   AZURE_STORAGE_STATIC_WEBSITE_URL    required (the static website endpoint, e.g. https://st….z7.web.core.windows.net/)
#   PUBLIC_SITE_ATTEMPTS                default 10 (a fresh deployment can take a few minutes to start)
#   PUBLIC_SITE_RETRY_SECONDS           default 15 (between attempts; 10 attempts wait 135 s at most)
set -eu

api="${SERVICE_API_URI:-}"
site="${AZURE_STORAGE_STATIC_WEBSITE_URL:-}"
attempts="${PUBLIC_SITE_ATTEMPTS:-10}"
retry_seconds="${PUBLIC_SITE_RETRY_SECONDS:-15}"

fail() {
  echo "prepare-public-site: $*" >&2
  echo "prepare-public-site: until the app has started once, the public site's root and missing addresses show the storage service's error." >&2
  exit 1
}

if [ -z "$api" ] || [ -z "$site" ]; then
  fail "SERVICE_API_URI and AZURE_STORAGE_STATIC_WEBSITE_URL must be set. Run this as azd's postdeploy hook (azd deploy, or azd hooks run postdeploy)."
fi
case "$attempts" in '' | *[!0-9]* | 0) fail "PUBLIC_SITE_ATTEMPTS must be a whole number of at least 1, not '$attempts'." ;; esac
case "$retry_seconds" in '' | *[!0-9]*) fail "PUBLIC_SITE_RETRY_SECONDS must be a whole number of seconds, not '$retry_seconds'." ;; esac
if ! command -v curl >/dev/null 2>&1; then
  fail "curl is not installed."
fi
api="${api%/}"
site="${site%/}"

# Prints the body of a GET, then its HTTP status on a line of its own (000: no answer).
fetch() {
  curl --silent --max-time 60 --write-out '\n%{http_code}' "$1" 2>/dev/null || true
}

# "<status> <zh-CN page: yes|no>" of an address, e.g. "200 yes".
page() {
  answer=$(fetch "$1")
  status=$(printf '%s' "$answer" | tail -n 1)
  case "$answer" in *'<html lang="zh-CN"'*) zh=yes ;; *) zh=no ;; esac
  echo "${status:-000} $zh"
}

attempt=1
while :; do
  health=$(page "$api/api/health")
  index=$(page "$site/")
  missing=$(page "$site/no-such-page-$(date +%s).html")
  if [ "$index" = "200 yes" ] && [ "$missing" = "404 yes" ]; then
    echo "prepare-public-site: $site/ serves the index and missing addresses the zh-CN 404 page."
    exit 0
  fi
  if [ "$attempt" -ge "$attempts" ]; then
    fail "after $attempts attempts: health ${health%% *}, the index '$index', a missing address '$missing' (status, zh-CN page); expected '200 yes' and '404 yes'."
  fi
  echo "prepare-public-site: attempt $attempt of $attempts: health ${health%% *}, index '$index', missing '$missing'; again in ${retry_seconds}s."
  attempt=$((attempt + 1))
  sleep "$retry_seconds"
done
