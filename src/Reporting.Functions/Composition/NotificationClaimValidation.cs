using Microsoft.Extensions.Options;
using Reporting.Azure.Notifications;
using Reporting.Core;

namespace Reporting.Functions.Composition;

/// <summary>
/// One notice attempt must end (at its sender's timeout) while its outbox claim holds, or a retry could overlap it:
/// the claim lasts at least twice the longer of the mail and webhook timeouts.
/// </summary>
internal sealed class NotificationClaimValidation(MailOptions mail, WebhookOptions webhook) : IValidateOptions<ReportingOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportingOptions options)
    {
        var longest = mail.Timeout > webhook.Timeout ? mail.Timeout : webhook.Timeout;
        return SettingRules.Check((options.NotificationClaimLifetime >= 2 * longest,
            $"{ReportingOptions.Section}__{nameof(ReportingOptions.NotificationClaimLifetime)}",
            $"通知认领时长 {options.NotificationClaimLifetime} 须至少为邮件或回调超时（{longest}）的两倍，否则一次发送尚未结束，另一次重试便可能开始"));
    }
}
