using Microsoft.Extensions.Options;
using Reporting.Azure.Notifications;

namespace Reporting.Functions.Composition;

/// <summary>The webhook channel's settings (section "Webhook").</summary>
internal sealed class WebhookSettingsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        SettingRules.Check((options.Timeout > TimeSpan.Zero, AppSettingNames.WebhookTimeout, SettingRules.PositiveTimeout(options.Timeout)));
}
