#!/usr/bin/env bash
# Sign-in for the deployed app (App Service Authentication with Microsoft Entra ID).
#
# Before `azd up`: creates the app registration once and stores its client ID in the azd
# environment (AUTH_CLIENT_ID), which main.bicep needs.
# After `azd up`: connects the registration to the deployed app: the redirect URI, and a federated
# credential that trusts the app's managed identity, so the sign-in flow needs no client secret
# (the app setting OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID names that identity).
#
# Needs az signed in to the tenant with the right to create app registrations (e.g. the
# Application Developer role), and azd run from the repository root. Safe to run again.
# Usage: bash infra/scripts/configure-sign-in.sh
set -euo pipefail

env_value() { azd env get-value "$1" 2>/dev/null || true; }

client_id="$(env_value AUTH_CLIENT_ID)"
if [[ -z "$client_id" ]]; then
  env_name="$(env_value AZURE_ENV_NAME)"
  display_name="rule-of-law-reports-${env_name:-dev}"
  client_id="$(az ad app create --display-name "$display_name" --sign-in-audience AzureADMyOrg \
    --enable-id-token-issuance true --query appId --output tsv)"
  az ad app update --id "$client_id" --identifier-uris "api://$client_id"
  if ! az ad sp show --id "$client_id" >/dev/null 2>&1; then
    az ad sp create --id "$client_id" >/dev/null
  fi
  azd env set AUTH_CLIENT_ID "$client_id"
  echo "created app registration '$display_name' ($client_id) and set AUTH_CLIENT_ID"
else
  echo "app registration: $client_id (AUTH_CLIENT_ID)"
fi

redirect_uri="$(env_value AUTH_REDIRECT_URI)"
identity_principal_id="$(env_value AZURE_MANAGED_IDENTITY_PRINCIPAL_ID)"
identity_tenant_id="$(env_value AZURE_TENANT_ID)"
if [[ -z "$redirect_uri" || -z "$identity_principal_id" || -z "$identity_tenant_id" ]]; then
  echo "not provisioned yet: run 'azd up', then run this script again to connect the registration to the app"
  exit 0
fi

az ad app update --id "$client_id" --web-redirect-uris "$redirect_uri"
echo "redirect URI: $redirect_uri"

credential_name="function-app-managed-identity"
if az ad app federated-credential show --id "$client_id" --federated-credential-id "$credential_name" >/dev/null 2>&1; then
  echo "federated credential '$credential_name' already there"
else
  az ad app federated-credential create --id "$client_id" --parameters "{
    \"name\": \"$credential_name\",
    \"issuer\": \"https://login.microsoftonline.com/$identity_tenant_id/v2.0\",
    \"subject\": \"$identity_principal_id\",
    \"audiences\": [\"api://AzureADTokenExchange\"],
    \"description\": \"The function app's user-assigned identity signs users in for this registration\"
  }" >/dev/null
  echo "federated credential '$credential_name' trusts managed identity $identity_principal_id"
fi
