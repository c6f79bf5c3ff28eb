// The app's storage account: Entra ID (RBAC) access only. Shared keys are disabled, so no
// connection string or SAS signed with an account key can exist; download links are
// user-delegation SAS signed with a key the identity obtains.
param name string
param location string
param tags object

@description('Blob container from which Flex Consumption runs the deployed package.')
param deploymentContainerName string

@description('Page the static website serves for the root and for each folder (/2025/ → /2025/index.html).')
param staticWebsiteIndexDocument string = 'index.html'

@description('Page the static website serves, with status 404, for a path that has nothing.')
param staticWebsiteErrorDocument string = '404.html'

// Names the app uses (src/Reporting.Azure). A queue trigger moves a message to <queue>-poison
// after maxDequeueCount attempts (host.json), so each queue has its poison queue here too.
var containerNames = [
  'reports'
]
var tableNames = [
  'drafts'
  'reports'
  'audit'
  'outbox'
  'yearend'
  'members'
  'publications'
  'pdfhashes'
  'timerruns'
  'signins'
  'chases'
]
var queueNames = [
  'report-assembly'
  'report-assembly-poison'
  'report-notifications'
  'report-notifications-poison'
  'report-year-end'
  'report-year-end-poison'
]

resource account 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    dnsEndpointType: 'Standard'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: account
  name: 'default'
  properties: {
    // Stored PDFs are immutable by convention; soft delete keeps an accidental delete recoverable.
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    // The public copy of published reports: the static website serves the $web container (which the
    // service creates) anonymously at primaryEndpoints.web, while the blob endpoint stays Entra-only for
    // every container, $web included: allowBlobPublicAccess stays false and no container is public.
    // Declared here (blobServices 2025-08-01 and later) so every `azd provision` keeps it on; the
    // postprovision hook (infra/hooks/) checks it over the data plane and switches it on if it is off.
    staticWebsite: {
      enabled: true
      indexDocument: staticWebsiteIndexDocument
      errorDocument404Path: staticWebsiteErrorDocument
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = [
  for containerName in concat(containerNames, [deploymentContainerName]): {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainerName
output staticWebsiteEndpoint string = account.properties.primaryEndpoints.web
output staticWebsiteIndexDocument string = staticWebsiteIndexDocument
output staticWebsiteErrorDocument string = staticWebsiteErrorDocument
