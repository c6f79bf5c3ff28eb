using Microsoft.Extensions.Options;

namespace Reporting.Functions.Composition;

/// <summary>A section whose values are parsed further (a schedule, dates): valid when <paramref name="parse"/> does not throw.</summary>
/// <param name="setting">The setting named in the message (Notifications__RetrySchedule).</param>
/// <param name="what">What it is (通知重试间隔).</param>
internal sealed class ParsedSettingValidation<T>(string setting, string what, Action<T> parse) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        try
        {
            parse(options);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail(SettingsCheck.Problem(setting, what, e));
        }
    }
}
