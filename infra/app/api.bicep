// The function app: Flex Consumption (Linux, dotnet-isolated), running as the user-assigned
// identity, with identity-based storage settings and App Service Authentication (Entra ID).
//
// The names in `appSettings` below are the settings the app reads; they come from
// src/Reporting.Functions/AppSettingNames.cs and tests/Reporting.Deployment.Tests checks that
// this list and that class agree. Keep one `name: '...'` per entry.
param name string
param planName string
param location string
param tags object

@description('Resource ID of the user-assigned identity the app runs as.')
param identityId string

@description('Client ID of that identity.')
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string

param instanceMemoryMB int
param maximumInstanceCount int

@description('Runtime of the Flex Consumption app: the isolated worker on .NET 10 (the app targets net10.0).')
param runtimeName string = 'dotnet-isolated'
param runtimeVersion string = '10.0'

param authClientId string
param authTenantId string
param authUnauthenticatedClientAction string

param officeEmail string
param publicBaseUrl string
param reportingTimeZone string
param directoryFile string
param reportingAdmins string
param smtpHost string
param smtpPort int
param smtpSecurity string
param smtpFrom string
@description('Display name of the notices\' sender.')
param smtpFromName string = '魏都区法治政府建设报告系统'
param smtpUserName string
@description('The longest one e-mail attempt may take (TimeSpan); a mail server that hangs costs no more.')
param smtpTimeout string = '00:00:15'
@description('The longest one webhook call may take (TimeSpan).')
param webhookTimeout string = '00:00:15'
@description('Attach the PDF to the district office\'s e-mail, up to mailAttachPdfMaxBytes.')
param mailAttachPdf bool = false
param mailAttachPdfMaxBytes int = 10485760

@description('@Microsoft.KeyVault(...) reference of the SMTP password, or empty.')
#disable-next-line secure-secrets-in-params // a Key Vault reference (where the secret lives), not the password
param smtpPasswordReference string
param webhookUrl string
param yearEndSchedule string
param notificationRetrySchedule string
param notificationSweepSchedule string
@description('Submission deadline (MM-dd of the year after the report year) and per-year overrides (2024=2025-02-20,...).')
param submissionDeadline string
param submissionDeadlines string
@description('Publication deadline (MM-dd of the year after the report year) and per-year overrides.')
param publicationDeadline string
param publicationDeadlines string
@description('Days before the submission deadline on which unfinished departments are reminded.')
param reminderDays string
@description('NCRONTAB schedule (UTC) of the daily reminder and overdue-list timer.')
param deadlineReminderSchedule string
param fontDirectory string
@description('Base URL of the public copy of published reports; empty means the storage account\'s static website endpoint.')
param publicationPublicBaseUrl string = ''
@description('The signing Key Vault\'s URI and the district\'s certificate in it: every stored PDF is signed there.')
param signingKeyVaultUri string
param signingCertificateName string

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (Smtp__Password) resolve with the same identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // GET /api/health (HealthFunction): 503 when storage does not answer; anonymous, see excludedPaths below.
      healthCheckPath: '/api/health'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }
}

// No publishing with user names and passwords: azd deploys with an Entra token.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

var defaultBaseUrl = 'https://${site.properties.defaultHostName}'

// The public copy lives in $web, the one container the static website serves; people reach it at the
// website endpoint (https://<account>.z<N>.web.core.windows.net/) or at a custom domain in front of it.
// Without the trailing slash, like Reporting__PublicBaseUrl: the app appends "/2025/index.html".
var publicationContainer = '$web'
var publicationBaseUrl = empty(publicationPublicBaseUrl) ? storageAccount.properties.primaryEndpoints.web : publicationPublicBaseUrl
var publicationBaseUrlWithoutSlash = endsWith(publicationBaseUrl, '/') ? take(publicationBaseUrl, max(length(publicationBaseUrl) - 1, 0)) : publicationBaseUrl

// Entries with an empty value are left out (the app then uses its own default).
var appSettings = [
  // Storage, identity-based (AppSettingNames.Storage*). The plain AzureWebJobsStorage connection
  // string is never set: with shared keys disabled there is no key to put in one.
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storageAccount.properties.primaryEndpoints.blob }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storageAccount.properties.primaryEndpoints.queue }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storageAccount.properties.primaryEndpoints.table }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }

  // Platform: telemetry with an Entra token, sign-in flow without a client secret.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
  { name: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID', value: identityClientId }
  { name: 'WEBSITE_AUTH_AAD_ALLOWED_TENANTS', value: authTenantId }

  // The district and its office.
  { name: 'Reporting__OfficeEmail', value: officeEmail }
  { name: 'Reporting__PublicBaseUrl', value: empty(publicBaseUrl) ? defaultBaseUrl : publicBaseUrl }
  { name: 'Reporting__TimeZone', value: reportingTimeZone }
  { name: 'Reporting__DirectoryFile', value: directoryFile }
  { name: 'Reporting__Admins', value: reportingAdmins }

  // Mail. The password is only ever a Key Vault reference.
  { name: 'Smtp__Host', value: smtpHost }
  { name: 'Smtp__Port', value: string(smtpPort) }
  { name: 'Smtp__Security', value: smtpSecurity }
  { name: 'Smtp__From', value: smtpFrom }
  { name: 'Smtp__FromName', value: smtpFromName }
  { name: 'Smtp__UserName', value: smtpUserName }
  { name: 'Smtp__Password', value: smtpPasswordReference }
  { name: 'Smtp__Timeout', value: smtpTimeout }
  { name: 'Mail__AttachPdf', value: string(mailAttachPdf) }
  { name: 'Mail__AttachPdfMaxBytes', value: string(mailAttachPdfMaxBytes) }
  { name: 'Webhook__Url', value: webhookUrl }
  { name: 'Webhook__Timeout', value: webhookTimeout }
  { name: 'Notifications__RetrySchedule', value: notificationRetrySchedule }
  { name: 'NotificationSweepSchedule', value: notificationSweepSchedule }

  // The regulation's calendar.
  { name: 'Calendar__SubmissionDeadline', value: submissionDeadline }
  { name: 'Calendar__SubmissionDeadlines', value: submissionDeadlines }
  { name: 'Calendar__PublicationDeadline', value: publicationDeadline }
  { name: 'Calendar__PublicationDeadlines', value: publicationDeadlines }
  { name: 'Calendar__ReminderDays', value: reminderDays }
  { name: 'DeadlineReminderSchedule', value: deadlineReminderSchedule }

  // Year end and typesetting.
  { name: 'YearEndSchedule', value: yearEndSchedule }
  { name: 'Typesetting__FontDirectory', value: fontDirectory }
  { name: 'Signing__KeyVaultUri', value: signingKeyVaultUri }
  { name: 'Signing__CertificateName', value: signingCertificateName }

  // Publication: the public copy (year index, report pages, PDFs) for anonymous readers.
  // Publication__AnonymousReadContainer is local-only and never set here (the account forbids anonymous containers).
  { name: 'Publication__Container', value: publicationContainer }
  { name: 'Publication__PublicBaseUrl', value: publicationBaseUrlWithoutSlash }
]

resource siteAppSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: toObject(filter(appSettings, setting => !empty(setting.value)), setting => setting.name, setting => setting.value)
}

// App Service Authentication (Easy Auth) with Microsoft Entra ID. The login flow proves the app
// registration's identity with a federated credential issued to the managed identity
// (OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID), so the registration needs no client secret.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: authUnauthenticatedClientAction
      redirectToProvider: 'azureactivedirectory'
      // Anyone may check a PDF they hold against the archive (/api/verify); the platform's health check and
      // monitoring reach /api/health, which says nothing about reports. The only routes without sign-in.
      excludedPaths: [
        '/api/verify'
        '/api/health'
      ]
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
          clientId: authClientId
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
        }
        login: {
          disableWWWAuthenticate: false
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
      nonce: {
        validateNonce: true
        nonceExpirationInterval: '00:05:00'
      }
    }
  }
  dependsOn: [
    siteAppSettings
  ]
}

output name string = site.name
output uri string = defaultBaseUrl
