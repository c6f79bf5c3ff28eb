// The Key Vault that holds the district's signing certificate and its key: every stored report and volume PDF is
// signed in the vault (keys/sign), so the private key never leaves it. Its own vault, apart from the optional SMTP
// password vault, whose Key Vault Secrets User could read a certificate's secret (the PFX with the private key).
// RBAC only; soft delete with purge protection, since a deleted signing key could not be had back.
param name string
param location string
param tags object
param tenantId string

@description('Principal that signs: the function app\'s identity.')
param signerPrincipalId string

@description('Optional user who imports the certificate (azd passes AZURE_PRINCIPAL_ID); empty: none.')
param certificateOfficerPrincipalId string = ''

@description('Name of the district\'s signing certificate in the vault.')
param certificateName string

// Key Vault Crypto User: keys/read and keys/sign (and verify, wrap, …) with the key; it cannot export or read secrets.
var keyVaultCryptoUser = '12338af0-0e69-4776-bea7-57ae8d297424'
// Key Vault Reader: metadata and the public certificate (certificates/read returns the CER only); no secret contents,
// so not the certificate's PFX. Key Vault Certificate User is not used: it may get the secret, private key included.
var keyVaultReader = '21090545-7ca7-4776-b22c-e363652d74d2'
// Key Vault Certificates Officer: imports and renews certificates (the person who deploys).
var keyVaultCertificatesOfficer = 'a4417e6f-fecd-4de8-b567-7b0420556985'

var signerRoles = [
  { name: 'Key Vault Crypto User', id: keyVaultCryptoUser }
  { name: 'Key Vault Reader', id: keyVaultReader }
]

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
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource signerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in signerRoles: {
    name: guid(vault.id, signerPrincipalId, role.id)
    scope: vault
    properties: {
      description: '${role.name} for the reporting function app (signs PDFs with ${certificateName})'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
      principalId: signerPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource officerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(certificateOfficerPrincipalId)) {
  name: guid(vault.id, certificateOfficerPrincipalId, keyVaultCertificatesOfficer)
  scope: vault
  properties: {
    description: 'Key Vault Certificates Officer for the person who deploys (imports the district\'s certificate)'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificatesOfficer)
    // No principalType: azd may run as a user or, in a pipeline, as a service principal.
    principalId: certificateOfficerPrincipalId
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
