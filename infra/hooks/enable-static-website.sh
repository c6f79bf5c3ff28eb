#!/bin/sh
# azd postprovision hook (azure.yaml): makes sure the storage account's static website is on, so the
# public copy of published reports (the $web container) is readable at AZURE_STORAGE_STATIC_WEBSITE_URL.
#
# infra/app/storage.bicep declares the static website on the blob service, so after a provision it is
# normally on already and this hook only confirms it. If it is off (a resource provider that ignored the
# property, someone who switched it off in the portal), the hook switches it on with the data-plane call
# Set Blob Service Properties. Every call is signed in with Microsoft Entra ID (az --auth-mode login):
# the account has shared keys disabled, so there is no key, connection string or SAS to use, and none is.
#
# The account signed in to az needs Microsoft.Storage/storageAccounts/blobServices/read and /write on
# the storage account. Whoever can run `azd provision` has them (the template writes the blob service
# with the same actions): Owner, Contributor or Storage Account Contributor. The Storage Blob Data roles
# do not carry them.
#
# Safe to run again (`azd hooks run postprovision`). POSIX sh, so it runs wherever azd runs sh hooks.
# Environment (azd passes its environment, including the outputs of infra/main.bicep):
#   AZURE_STORAGE_ACCOUNT_NAME                    required
#   AZURE_STORAGE_STATIC_WEBSITE_INDEX_DOCUMENT   default index.html
#   AZURE_STORAGE_STATIC_WEBSITE_ERROR_DOCUMENT   default 404.html
#   AZURE_STORAGE_STATIC_WEBSITE_URL              only printed
#   STATIC_WEBSITE_ATTEMPTS                       default 6 (a fresh account or role can take a while to answer)
#   STATIC_WEBSITE_RETRY_SECONDS                  default 20 (between attempts; 6 attempts wait 100 s at most)
set -eu

account="${AZURE_STORAGE_ACCOUNT_NAME:-}"
index_document="${AZURE_STORAGE_STATIC_WEBSITE_INDEX_DOCUMENT:-index.html}"
error_document="${AZURE_STORAGE_STATIC_WEBSITE_ERROR_DOCUMENT:-404.html}"
website_url="${AZURE_STORAGE_STATIC_WEBSITE_URL:-}"
attempts="${STATIC_WEBSITE_ATTEMPTS:-6}"
retry_seconds="${STATIC_WEBSITE_RETRY_SECONDS:-20}"

fail() {
  echo "enable-static-website: $*" >&2
  echo "enable-static-website: the public reports cannot be read until the static website is on (see infra/README.md, \"The public reports\")." >&2
  exit 1
}

if [ -z "$account" ]; then
  fail "AZURE_STORAGE_ACCOUNT_NAME is not set. Run this as azd's postprovision hook (azd provision, or azd hooks run postprovision after one)."
fi
case "$attempts" in '' | *[!0-9]* | 0) fail "STATIC_WEBSITE_ATTEMPTS must be a whole number of at least 1, not '$attempts'." ;; esac
case "$retry_seconds" in '' | *[!0-9]*) fail "STATIC_WEBSITE_RETRY_SECONDS must be a whole number of seconds, not '$retry_seconds'." ;; esac
if ! command -v az >/dev/null 2>&1; then
  fail "the Azure CLI (az) is not installed. Install it, run 'az login' with the account azd uses, then 'azd hooks run postprovision'."
fi

# az would otherwise pick these up and sign with a key; this hook signs in with Entra ID only.
unset AZURE_STORAGE_KEY AZURE_STORAGE_CONNECTION_STRING AZURE_STORAGE_SAS_TOKEN AZURE_STORAGE_ACCOUNT

# Prints "<enabled> <index document> <404 document>" as the service has them, e.g. "true index.html 404.html".
website_properties() {
  az storage blob service-properties show --account-name "$account" --auth-mode login \
    --query "[staticWebsite.enabled, staticWebsite.indexDocument, staticWebsite.errorDocument_404Path]" --output tsv 2>&1 |
    tr '\t' ' ' | tr '[:upper:]' '[:lower:]'
}

expected="true $(printf '%s %s' "$index_document" "$error_document" | tr '[:upper:]' '[:lower:]')"

is_on() {
  current="$(website_properties)" && [ "$current" = "$expected" ]
}

on() {
  echo "static website of storage account $account: $1 (index $index_document, 404 page $error_document)"
  if [ -n "$website_url" ]; then
    echo "public reports: ${website_url%/}/   (a year's index: ${website_url%/}/<year>/$index_document)"
  fi
  exit 0
}

current=""
attempt=1
while :; do
  if is_on; then
    on "on"
  fi
  last_answer="service properties read: ${current:-nothing}"

  # Off, other documents, or the read failed: (re)apply, then read again. The call is idempotent.
  if output="$(az storage blob service-properties update --account-name "$account" --auth-mode login \
    --static-website true --index-document "$index_document" --404-document "$error_document" --output none 2>&1)"; then
    if is_on; then
      on "switched on (attempt $attempt of $attempts)"
    fi
    last_answer="switched on, but the service properties read: ${current:-nothing}"
  else
    last_answer="$(printf '%s\n' "$output" | tail -n 3)"
  fi
  echo "static website of storage account $account: attempt $attempt of $attempts failed: $(printf '%s\n' "$last_answer" | tail -n 1)"

  if [ "$attempt" -ge "$attempts" ]; then
    fail "could not switch on the static website of storage account $account in $attempts attempts.
Last answer: $last_answer
Check: az is signed in ('az account show') to the tenant of the subscription, with an account that has
Microsoft.Storage/storageAccounts/blobServices/write on $account (Owner, Contributor or Storage Account Contributor),
and the storage account accepts requests from this machine. Then run 'azd hooks run postprovision' again,
or switch it on in the portal: storage account > Data management > Static website (index $index_document, 404 $error_document)."
  fi
  sleep "$retry_seconds"
  attempt=$((attempt + 1))
done
