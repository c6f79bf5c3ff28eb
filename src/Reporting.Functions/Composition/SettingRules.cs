using Microsoft.Extensions.Options;

namespace Reporting.Functions.Composition;

/// <summary>What the settings validators share: a list of rules becomes one result, each broken rule a line naming its setting.</summary>
internal static class SettingRules
{
    public static ValidateOptionsResult Check(params (bool Holds, string Setting, string Problem)[] rules) =>
        rules.Where(r => !r.Holds).Select(r => $"{r.Setting}：{r.Problem}").ToList() is { Count: > 0 } broken
            ? ValidateOptionsResult.Fail(broken)
            : ValidateOptionsResult.Success;

    public static string PositiveTimeout(TimeSpan timeout) => $"超时 {timeout} 须为正的时间间隔（如 00:00:15）";

    public static bool IsWebAddress(Uri address, params string[] schemes) => address.IsAbsoluteUri && schemes.Contains(address.Scheme);
}
