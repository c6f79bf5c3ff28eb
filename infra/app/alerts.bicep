// Alerts to the operators: an action group that e-mails the address given at `azd up` (ALERT_EMAIL), and three
// rules over what the app sends to Application Insights (src/Reporting.Functions/Telemetry/ReportingMetrics.cs):
// a message moved to a poison queue, a notice still failing once its retry schedule's last step is reached,
// and a rate of 5xx answers. Log alerts, since Storage's queue metrics count every queue of the account together.
param actionGroupName string
param alertNamePrefix string
param applicationInsightsName string
param location string
param tags object

@description('Where alerts are e-mailed (azd: ALERT_EMAIL).')
@minLength(3)
param alertEmail string

@description('Share of requests answered 5xx, in percent over 15 minutes, above which the 5xx alert fires.')
param serverErrorPercent int = 5

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'reporting'
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var rules = [
  {
    name: '${alertNamePrefix}poison-message'
    displayName: 'Reporting: a queue message was moved to a poison queue'
    description: 'A queued step failed on its last allowed attempt. GET /api/health counts the poison queues; fix the cause, then replay-poison.'
    severity: 1
    frequency: 'PT5M'
    window: 'PT5M'
    query: 'customMetrics | where name == "reporting.messages.poisoned"'
    column: 'valueSum'
    aggregation: 'Total'
    threshold: 0
  }
  {
    name: '${alertNamePrefix}notice-retries-exhausted'
    displayName: 'Reporting: a notice keeps failing past its last retry'
    description: 'A notice channel (e-mail or webhook) still fails at the retry schedule\'s last step; the outbox keeps retrying.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT15M'
    query: 'customMetrics | where name == "reporting.notices.failed" | where tostring(customDimensions["retries.exhausted"]) == "true"'
    column: 'valueSum'
    aggregation: 'Total'
    threshold: 0
  }
  {
    name: '${alertNamePrefix}server-errors'
    displayName: 'Reporting: requests answered 5xx'
    description: 'More than ${serverErrorPercent}% of at least 10 requests in 15 minutes were answered with a 5xx status (503: storage unreachable).'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: '''
      requests
      | summarize total = count(), failed = countif(toint(resultCode) >= 500)
      | where total >= 10
      | project failedPercent = 100.0 * failed / total
      '''
    column: 'failedPercent'
    aggregation: 'Maximum'
    threshold: serverErrorPercent
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in rules: {
    name: rule.name
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      scopes: [
        applicationInsights.id
      ]
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: rule.aggregation
            metricMeasureColumn: rule.column
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

output actionGroupName string = actionGroup.name
