// Optional Key Vault for the SMTP password (createKeyVault=true). RBAC authorization only:
// the app's identity gets Key Vault Secrets User (read secrets), the person running azd may get
// Key Vault Secrets Officer to put the password in. The secret value is never part of a template.
param name string
param location string
param tags object
param tenantId string

@description('Principal that reads secrets: the function app\'s identity.')
param readerPrincipalId string

@description('Optional user who may write secrets (azd passes AZURE_PRINCIPAL_ID); empty: none.')
param writerPrincipalId string = ''

@description('Name of the secret that holds the SMTP password.')
param smtpPasswordSecretName string = 'smtp-password'

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // Soft delete keeps a deleted vault (and its secret) for 7 days; purge protection is left off
    // so that `azd down --purge` can free the name for the next `azd up` of the same environment.
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource readerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    description: 'Key Vault Secrets User for the reporting function app (SMTP password reference)'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource writerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(writerPrincipalId)) {
  name: guid(vault.id, writerPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    description: 'Key Vault Secrets Officer for the person who deploys (sets the SMTP password)'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    // No principalType: azd may run as a user or, in a pipeline, as a service principal.
    principalId: writerPrincipalId
  }
}

output name string = vault.name
// Versionless: the app picks up a rotated password on the next reference refresh.
#disable-next-line outputs-should-not-contain-secrets // the secret's address, not its value
output smtpPasswordSecretUri string = '${vault.properties.vaultUri}secrets/${smtpPasswordSecretName}'
