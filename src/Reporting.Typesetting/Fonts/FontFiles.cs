namespace Reporting.Typesetting.Fonts;

/// <summary>
/// Where a configured font file is found: the configured font directory, then the fonts/ folder shipped
/// beside the app (so an Azure worker without system fonts works), then the configured path itself.
/// </summary>
internal static class FontFiles
{
    public static string Resolve(string role, string file, string? directory)
    {
        if (string.IsNullOrWhiteSpace(file))
            throw new FontConfigurationException($"字体配置错误：角色 {role} 没有配置字体文件（Typesetting:Fonts:{role}:File）。");
        var name = Path.GetFileName(file);
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(directory))
        {
            if (!Path.IsPathRooted(file)) candidates.Add(Path.Combine(directory, file));
            candidates.Add(Path.Combine(directory, name));
        }
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "fonts", name));
        candidates.Add(Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file));
        foreach (var candidate in candidates)
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        throw new FontConfigurationException(
            $"字体配置错误：角色 {role} 的字体文件“{file}”不存在（已查找：{string.Join("；", candidates.Distinct())}）。");
    }
}
