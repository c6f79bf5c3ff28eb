using Microsoft.Extensions.Options;
using Reporting.Functions.Notices;

namespace Reporting.Functions.Composition;

/// <summary>How notices are written (section "Mail").</summary>
internal sealed class NoticeSettingsValidation : IValidateOptions<NoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, NoticeOptions options) =>
        SettingRules.Check((options.AttachPdfMaxBytes > 0, AppSettingNames.MailAttachPdfMaxBytes, $"附件上限 {options.AttachPdfMaxBytes} 须为正数（字节）"));
}
