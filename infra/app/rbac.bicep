// The least data-plane roles the app's identity needs, granted on the storage account and on
// Application Insights. One assignment per role, with a deterministic guid() name so that a
// second `azd provision` finds and keeps the same assignment.
param storageAccountName string
param applicationInsightsName string

@description('Object (principal) ID of the function app\'s user-assigned identity.')
param principalId string

var storageRoles = [
  {
    // Storage Blob Data Owner: the Functions host with an identity-based AzureWebJobsStorage needs it
    // (host locks, timer schedule monitor, Flex deployment package); it also carries
    // generateUserDelegationKey/action for the download links and read/write of reports/.
    name: 'Storage Blob Data Owner'
    id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  }
  {
    // Storage Queue Data Contributor: queue triggers, report-assembly/report-notifications/report-year-end and their poison queues.
    name: 'Storage Queue Data Contributor'
    id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  }
  {
    // Storage Table Data Contributor: drafts, reports, audit, outbox, yearend.
    name: 'Storage Table Data Contributor'
    id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  }
]

// Monitoring Metrics Publisher: send telemetry to Application Insights with an Entra token.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storageAccount.id, principalId, role.id)
    scope: storageAccount
    properties: {
      description: '${role.name} for the reporting function app'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource telemetryRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, principalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    description: 'Monitoring Metrics Publisher for the reporting function app'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
