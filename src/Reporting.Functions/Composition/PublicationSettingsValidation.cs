using Microsoft.Extensions.Options;
using Reporting.Azure.Blobs;

namespace Reporting.Functions.Composition;

/// <summary>Where the public copy goes and where people are linked to (section "Publication").</summary>
internal sealed class PublicationSettingsValidation : IValidateOptions<PublicationOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicationOptions options) => SettingRules.Check(
        (options.PublicBaseUrl is null || SettingRules.IsWebAddress(options.PublicBaseUrl, "http", "https"), AppSettingNames.PublicationPublicBaseUrl,
            $"“{options.PublicBaseUrl}”不是有效的 http(s) 网址"));
}
