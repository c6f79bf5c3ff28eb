// Azure deployment of the rule-of-law reporting backend (azd: `azd up`).
// Everything the app reaches is authenticated with one user-assigned managed identity:
// no storage keys, no connection strings, no secrets in app settings.
targetScope = 'subscription'

// ---------------------------------------------------------------------------
// azd environment
// ---------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; feeds the resource-name token and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty means rg-<environmentName>.')
param resourceGroupName string = ''

// ---------------------------------------------------------------------------
// Sign-in (App Service Authentication with Microsoft Entra ID)
// ---------------------------------------------------------------------------

@minLength(36)
@maxLength(36)
@description('Application (client) ID of the Entra app registration that signs users in (see infra/README.md, "Sign-in").')
param authClientId string

@description('Directory (tenant) ID of that app registration; empty means the tenant of the subscription.')
param authTenantId string = ''

@allowed([
  'RedirectToLoginPage'
  'Return401'
])
@description('What an anonymous request gets: browsers (the form) want RedirectToLoginPage; a pure API can use Return401.')
param authUnauthenticatedClientAction string = 'RedirectToLoginPage'

// ---------------------------------------------------------------------------
// The district and its office
// ---------------------------------------------------------------------------

@minLength(3)
@description('E-mail address of the district office (法治政府建设领导小组办公室) that receives the reports.')
param officeEmail string

@description('Where alerts are e-mailed: a message in a poison queue, a notice failing past its last retry, a 5xx rate (azd: ALERT_EMAIL).')
@minLength(3)
param alertEmail string

@description('Public base URL of the API used in links people click; empty means https://<function app host>.')
param publicBaseUrl string = ''

@description('Time zone in which report dates and year ends are reckoned (IANA id).')
param reportingTimeZone string = 'Asia/Shanghai'

@description('Path of the directory file (district, office, departments) inside the deployed package; empty keeps the app default.')
param directoryFile string = ''

@description('Comma-separated Entra object ids of the first district-office administrators (they then manage members through the API).')
param reportingAdmins string = ''

// ---------------------------------------------------------------------------
// Mail
// ---------------------------------------------------------------------------

@description('SMTP server host name; empty disables e-mail (the webhook, if set, still works).')
param smtpHost string = ''

@minValue(1)
@maxValue(65535)
@description('SMTP server port.')
param smtpPort int = 587

@allowed([
  'None'
  'Auto'
  'SslOnConnect'
  'StartTls'
  'StartTlsWhenAvailable'
])
@description('How the SMTP connection is secured (MailKit SecureSocketOptions).')
param smtpSecurity string = 'StartTls'

@description('Sender address of the notifications; empty means the SMTP user name.')
param smtpFrom string = ''

@description('SMTP user name; empty for a relay that needs no sign-in.')
param smtpUserName string = ''

@description('Versionless or versioned Key Vault secret URI holding the SMTP password (https://<vault>.vault.azure.net/secrets/<name>). The password itself never goes into a parameter or a setting. Empty and createKeyVault=false: no password.')
param smtpPasswordSecretUri string = ''

@description('Create a Key Vault (RBAC, no access policies) for the SMTP password and point Smtp__Password at its secret smtp-password. Put the secret in after provisioning.')
param createKeyVault bool = false

@description('Object ID of the person running azd (azd sets AZURE_PRINCIPAL_ID); with createKeyVault it may write the SMTP password secret. Empty: nobody.')
param principalId string = ''

@description('Name of the district\'s signing certificate in the signing Key Vault (import it after provisioning: see the README). Every stored PDF is signed with it.')
param signingCertificateName string = 'district-signing'

@description('Optional webhook that receives the same notifications as the district office mailbox.')
param webhookUrl string = ''

@description('Waits between failed attempts of a notice on one channel (comma-separated TimeSpans; the last repeats until the channel is back).')
param notificationRetrySchedule string = '00:00:30,00:02:00,00:10:00,00:30:00,01:00:00,02:00:00'

@description('NCRONTAB schedule (6 fields, UTC) of the sweep that re-queues undelivered notices from the outbox.')
param notificationSweepSchedule string = '0 */5 * * * *'

// ---------------------------------------------------------------------------
// The regulation's calendar
// ---------------------------------------------------------------------------

@description('Reports are due by this month and day (MM-dd) of the year after the report year.')
param submissionDeadline string = '03-01'

@description('Per report year, an exact submission deadline overriding the default: 2024=2025-02-20,2025=2026-02-27.')
param submissionDeadlines string = ''

@description('Reports must be public by this month and day (MM-dd) of the year after the report year.')
param publicationDeadline string = '04-01'

@description('Per report year, an exact publication deadline overriding the default.')
param publicationDeadlines string = ''

@description('Days before the submission deadline on which departments not finished are reminded by e-mail.')
param reminderDays string = '14,7,3,1'

@description('NCRONTAB schedule (6 fields, UTC) of the daily reminder and overdue-list run: 01:00 UTC = 09:00 China time.')
param deadlineReminderSchedule string = '0 0 1 * * *'

// ---------------------------------------------------------------------------
// Year end and typesetting
// ---------------------------------------------------------------------------

@description('NCRONTAB schedule (6 fields, UTC: Flex Consumption ignores WEBSITE_TIME_ZONE) of the year-end run. Default: 02:00 China time on 5 January to April.')
param yearEndSchedule string = '0 0 18 4 1-4 *'

@description('Folder with the TrueType faces used in the PDFs; empty means the fonts/ folder shipped in the package.')
param fontDirectory string = ''

// ---------------------------------------------------------------------------
// Publication
// ---------------------------------------------------------------------------

@description('Base URL at which the public reports are read (a custom domain or Front Door in front of the static website); empty means the static website endpoint https://<account>.z<N>.web.core.windows.net.')
param publicationPublicBaseUrl string = ''

// ---------------------------------------------------------------------------
// Scale
// ---------------------------------------------------------------------------

@allowed([
  512
  2048
  4096
])
@description('Memory of one Flex Consumption instance.')
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
@description('Upper bound of instances (40 is the lowest Flex Consumption accepts); it caps what a burst can cost.')
param maximumInstanceCount int = 40

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

var abbrs = {
  resourceGroup: 'rg-'
  managedIdentity: 'id-'
  storageAccount: 'st'
  appServicePlan: 'plan-'
  functionApp: 'func-'
  logAnalytics: 'log-'
  applicationInsights: 'appi-'
  keyVault: 'kv-'
  actionGroup: 'ag-'
  alert: 'alert-'
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.functionApp}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
var effectiveTenantId = empty(authTenantId) ? tenant().tenantId : authTenantId

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? '${abbrs.resourceGroup}${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentity}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageAccount}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.logAnalytics}${resourceToken}'
    applicationInsightsName: '${abbrs.applicationInsights}${resourceToken}'
    location: location
    tags: tags
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    actionGroupName: '${abbrs.actionGroup}reporting-${resourceToken}'
    alertNamePrefix: '${abbrs.alert}reporting-${resourceToken}-'
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    location: location
    tags: tags
    alertEmail: alertEmail
  }
}

module keyVault 'app/keyvault.bicep' = if (createKeyVault) {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVault}${resourceToken}'
    location: location
    tags: tags
    tenantId: tenant().tenantId
    readerPrincipalId: identity.outputs.principalId
    writerPrincipalId: principalId
  }
}

module signing 'app/signing.bicep' = {
  name: 'signing'
  scope: rg
  params: {
    name: '${abbrs.keyVault}sign-${resourceToken}'
    location: location
    tags: tags
    tenantId: tenant().tenantId
    signerPrincipalId: identity.outputs.principalId
    certificateOfficerPrincipalId: principalId
    certificateName: signingCertificateName
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: identity.outputs.principalId
  }
}

// Key Vault reference for the SMTP password: an existing secret, or the vault made above.
var smtpPasswordReference = createKeyVault
  ? '@Microsoft.KeyVault(SecretUri=${keyVault!.outputs.smtpPasswordSecretUri})'
  : (empty(smtpPasswordSecretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})')

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.appServicePlan}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    authClientId: authClientId
    authTenantId: effectiveTenantId
    authUnauthenticatedClientAction: authUnauthenticatedClientAction
    officeEmail: officeEmail
    publicBaseUrl: publicBaseUrl
    reportingTimeZone: reportingTimeZone
    directoryFile: directoryFile
    reportingAdmins: reportingAdmins
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    smtpFrom: smtpFrom
    smtpUserName: smtpUserName
    smtpPasswordReference: smtpPasswordReference
    webhookUrl: webhookUrl
    notificationRetrySchedule: notificationRetrySchedule
    notificationSweepSchedule: notificationSweepSchedule
    submissionDeadline: submissionDeadline
    submissionDeadlines: submissionDeadlines
    publicationDeadline: publicationDeadline
    publicationDeadlines: publicationDeadlines
    reminderDays: reminderDays
    deadlineReminderSchedule: deadlineReminderSchedule
    yearEndSchedule: yearEndSchedule
    fontDirectory: fontDirectory
    publicationPublicBaseUrl: publicationPublicBaseUrl
    signingKeyVaultUri: signing.outputs.uri
    signingCertificateName: signingCertificateName
  }
  // The app must not start before its identity may read storage.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_SIGNING_KEY_VAULT_NAME string = signing.outputs.name
output AZURE_KEY_VAULT_NAME string = createKeyVault ? keyVault!.outputs.name : ''
output AUTH_REDIRECT_URI string = '${api.outputs.uri}/.auth/login/aad/callback'
// For the postprovision hook (infra/hooks/enable-static-website.sh) and for people linking to the reports.
output AZURE_STORAGE_STATIC_WEBSITE_URL string = storage.outputs.staticWebsiteEndpoint
output AZURE_STORAGE_STATIC_WEBSITE_INDEX_DOCUMENT string = storage.outputs.staticWebsiteIndexDocument
output AZURE_STORAGE_STATIC_WEBSITE_ERROR_DOCUMENT string = storage.outputs.staticWebsiteErrorDocument
