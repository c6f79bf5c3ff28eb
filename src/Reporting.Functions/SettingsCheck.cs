using System.Text.Json;
using Microsoft.Extensions.Options;
using Reporting.Typesetting;

namespace Reporting.Functions;

/// <summary>
/// Reads each setting once at start-up and collects everything wrong with them, so a bad setting stops the app
/// with one zh-CN message naming each setting, instead of surfacing later in some caller's request. Options sections are
/// checked by the same <see cref="IValidateOptions{TOptions}"/> that guards them again when the host starts.
/// </summary>
internal sealed class SettingsCheck
{
    private readonly List<string> _problems = [];

    /// <summary>Runs <paramref name="read"/>; a failure is recorded against <paramref name="setting"/> and yields default.</summary>
    public T? Read<T>(string setting, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException
                                      or FormatException or ArgumentException or InvalidOperationException or FontConfigurationException)
        {
            _problems.Add(Problem(setting, what, e));
            return default;
        }
    }

    /// <summary>One line of the start-up message: the setting, what it is, and why it could not be read.</summary>
    public static string Problem(string setting, string what, Exception e) => $"{setting}（{what}）：{Reason(e)}";

    /// <summary>Records every failure <paramref name="validator"/> finds in <paramref name="options"/> (each names its setting).</summary>
    public void Validate<T>(T options, IValidateOptions<T> validator) where T : class
    {
        if (validator.Validate(Options.DefaultName, options) is { Failed: true, Failures: { } failures }) _problems.AddRange(failures);
    }

    public void Require(bool holds, string setting, string problem)
    {
        if (!holds) _problems.Add($"{setting}：{problem}");
    }

    /// <exception cref="InvalidSettingsException">when anything was recorded.</exception>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
            throw new InvalidSettingsException("应用配置有误，无法启动。请改正以下设置：\n" + string.Join('\n', _problems.Select(p => "  - " + p)));
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException f => $"找不到文件“{f.FileName}”",
        DirectoryNotFoundException => "找不到文件所在的目录",
        JsonException j => $"不是有效的 JSON（第 {j.LineNumber + 1} 行）",
        UriFormatException => "不是有效的网址",
        FontConfigurationException => e.Message,
        InvalidOperationException { InnerException: { } inner } => Reason(inner),
        _ => "无法读取（" + e.Message + "）",
    };
}

/// <summary>The app's settings are wrong; the message (zh-CN) names each setting.</summary>
public sealed class InvalidSettingsException(string message) : Exception(message);
