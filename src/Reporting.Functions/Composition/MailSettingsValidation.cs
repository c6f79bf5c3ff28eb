using Microsoft.Extensions.Options;
using Reporting.Azure.Notifications;

namespace Reporting.Functions.Composition;

/// <summary>The SMTP settings (section "Smtp") a mail server can be reached with.</summary>
internal sealed class MailSettingsValidation : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options) => SettingRules.Check(
        (options.SecurityIsKnown, AppSettingNames.SmtpSecurity, $"“{options.Security}”不是可用的加密方式，可选：None、StartTls、SslOnConnect、Auto"),
        (options.Port is > 0 and <= 65535, AppSettingNames.SmtpPort, $"端口 {options.Port} 须在 1 至 65535 之间"),
        (options.Timeout > TimeSpan.Zero, AppSettingNames.SmtpTimeout, SettingRules.PositiveTimeout(options.Timeout)));
}
