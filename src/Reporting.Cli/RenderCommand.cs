using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;
using Reporting.Development.Seals;
using Reporting.Typesetting;
using Reporting.Typesetting.Fonts;
using Reporting.Typesetting.Seals;
using Reporting.Typesetting.Signing;

namespace Reporting.Cli;

/// <summary>
/// <c>reporting render REPORT.txt OUT.pdf [--department CODE] [--year YYYY] [--date YYYY-MM-DD] [--directory FILE] [--seal SEAL.png]
/// [--sign SIGNING.pfx [--sign-password P]] [--ofd OUT.ofd]</c>: the same PDF assembly makes, from a plain-text report shaped like the
/// fixture; with <c>--seal</c> the department's seal is placed over its 署名 and 成文日期 (GB/T 9704 7.3.5.1); with <c>--sign</c> signed
/// over the whole file with the PKCS#12 file's key (an empty password when none is given), the signature shown as the seal (without
/// <c>--seal</c>, the development seal 测试); with <c>--ofd</c> the same pages as OFD too, from one layout (the OFD is not signed).
/// </summary>
public static class RenderCommand
{
    private const string UsageText = "用法：reporting render REPORT.txt OUT.pdf [--department 部门代码] [--year 年度] [--date YYYY-MM-DD] " +
        "[--directory departments.json] [--seal 印章.png] [--sign 证书.pfx [--sign-password 口令]] [--ofd OUT.ofd]";

    /// <summary>Set to 1 and render prints its process's peak working set (used by the typesetting bench).</summary>
    public const string PeakMemoryVariable = "REPORTING_PRINT_PEAK_MEMORY";

    public static int Run(string[] args)
    {
        if (!TryParse(args, out var request, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(UsageText);
            return 2;
        }
        // The key is read (PKCS#12: a password-based key derivation) and its first signature made in the background, off
        // the render's path: on its own it is a fifth of a cold render.
        var signingKey = request.SignWith is { } pfx ? Task.Run(() => LoadWarm(pfx, request.SignPassword)) : null;
        try
        {
            // First: the typesetter loads the faces while the report is read. The development seal is drawn from the same faces.
            var fonts = FontSet.Load(TypesettingOptions.CreateDefault());
            var typesetter = new GbtTypesetter(fonts);
            var document = Build(request, fonts, signing: signingKey is not null);
            using var ofd = request.Ofd is null ? null : File.Create(request.Ofd);
            var pdf = signingKey is not null ? Sign(typesetter, document, ofd, signingKey) : typesetter.Render(document, ofd);
            var content = pdf.Content;
            File.WriteAllBytes(request.Output, content);
            Console.WriteLine($"已生成 {request.Output}：{pdf.PageCount} 页，{content.Length} 字节{(request.SignWith is null ? "" : "，已签名")}。");
            if (ofd is not null) Console.WriteLine($"已生成 {request.Ofd}：{pdf.PageCount} 页，{ofd.Length} 字节。");
            // For the bench: the peak memory of a process that does exactly one render, measured from inside.
            if (Environment.GetEnvironmentVariable(PeakMemoryVariable) == "1")
                Console.WriteLine($"peak-working-set-bytes: {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64}");
            return 0;
        }
        catch (UnknownDepartmentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(UsageText);
            return 2;
        }
        catch (CryptographicException e)
        {
            Console.Error.WriteLine($"无法用证书文件签名（不是 PKCS#12 文件、口令不对，或其中没有 RSA 私钥）：{e.Message}");
            return 1;
        }
        catch (Exception e) when (e is FontConfigurationException or MissingGlyphException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Signed as the app signs (the seal, when placed, is the signature's appearance).</summary>
    private static RenderedPdf Sign(GbtTypesetter typesetter, ReportDocument document, Stream? ofd, Task<Pkcs12SigningKey> signingKey)
    {
        using var key = signingKey.GetAwaiter().GetResult(); // a wrong password surfaces here as its CryptographicException
        return new SigningTypesetter(typesetter, key, TimeProvider.System).Render(document, ofd);
    }

    private static Pkcs12SigningKey LoadWarm(string pfx, string? password)
    {
        var key = Pkcs12SigningKey.Load(pfx, password);
        key.Warm();
        return key;
    }

    private sealed class UnknownDepartmentException(string message) : Exception(message);

    /// <param name="Seal">A seal image (PNG) to place, or null.</param>
    internal sealed record Request(string Input, string Output, string Department, int Year, DateOnly Date, string? Directory, string? Seal = null,
        string? SignWith = null, string? SignPassword = null, string? Ofd = null);

    /// <param name="signing">
    /// True when the file will be signed: without <c>--seal</c> the development seal (测试) is placed then, so that the
    /// visible signature has a seal to show. The signing option calls this with true.
    /// </param>
    internal static ReportDocument Build(Request request, FontSet? fonts = null, bool signing = false)
    {
        var (department, office) = LoadDepartment(request.Directory ?? FindDirectoryFile(), request.Department);
        // The seal is drawn (the development seal: about 30 ms of a cold process, most of it first-run code) on another core
        // while this one reads and parses the report; the document's signature is the department's name.
        var seal = Seal(request, department.Name, signing, fonts);
        var words = new DocumentWords();
        var report = PlainTextReport.Parse(File.ReadAllText(request.Input), words);
        var createdAt = new DateTimeOffset(request.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var document = ReportDocumentBuilder.Build(words, department, request.Year, office, report.Parts, request.Date, createdAt);
        return document with { Seal = seal.GetAwaiter().GetResult() };
    }

    /// <summary>The seal of <c>--seal</c>, else (when signing) the development seal of the signing organisation, else none.</summary>
    private static Task<OrganisationSeal?> Seal(Request request, string organisation, bool signing, FontSet? fonts) =>
        request.Seal is { } file ? Task.FromResult<OrganisationSeal?>(new OrganisationSeal(File.ReadAllBytes(file), organisation))
        : signing ? Task.Run<OrganisationSeal?>(() => DevelopmentSeal.For(organisation, fonts))
        : Task.FromResult<OrganisationSeal?>(null);

    private static bool TryParse(string[] args, out Request request, out string error)
    {
        request = null!;
        var positional = new List<string>();
        string department = "kgj", year = "2023", date = DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? directory = null, seal = null, signWith = null, signPassword = null, ofd = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { positional.Add(args[i]); continue; }
            if (i + 1 >= args.Length) { error = $"选项 {args[i]} 缺少取值。"; return false; }
            var value = args[++i];
            switch (args[i - 1])
            {
                case "--department": department = value; break;
                case "--year": year = value; break;
                case "--date": date = value; break;
                case "--directory": directory = value; break;
                case "--seal": seal = value; break;
                case "--sign": signWith = value; break;
                case "--sign-password": signPassword = value; break;
                case "--ofd": ofd = value; break;
                default: error = $"不认识的选项：{args[i - 1]}。"; return false;
            }
        }
        if (positional.Count != 2) { error = "需要两个参数：报告文本文件和输出的 PDF 文件。"; return false; }
        if (!File.Exists(positional[0])) { error = $"找不到报告文本文件：{positional[0]}。"; return false; }
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
        { error = $"年度“{year}”无效，应为四位数字，例如 2023。"; return false; }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        { error = $"日期“{date}”无效，应为 YYYY-MM-DD，例如 2024-01-15。"; return false; }
        if (directory is not null && !File.Exists(directory)) { error = $"找不到部门名录文件：{directory}。"; return false; }
        if (seal is not null && !IsPng(seal)) { error = $"印章图片“{seal}”不存在或不是 PNG 文件。"; return false; }
        if (signWith is not null && !File.Exists(signWith)) { error = $"找不到签名证书文件：{signWith}。"; return false; }
        if (signPassword is not null && signWith is null) { error = "--sign-password 须与 --sign 一起使用。"; return false; }
        request = new Request(positional[0], positional[1], department, y, d, directory, seal, signWith, signPassword, ofd);
        error = "";
        return true;
    }

    private static bool IsPng(string file)
    {
        if (!File.Exists(file)) return false;
        var head = new byte[8];
        using var stream = File.OpenRead(file);
        return stream.Read(head) == 8 && head.AsSpan().SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
    }

    private static (Department, DistrictOffice) LoadDepartment(string file, string code)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        var office = root.GetProperty("office");
        foreach (var d in root.GetProperty("departments").EnumerateArray())
            if (d.GetProperty("code").GetString() == code)
                return (new Department(code, d.GetProperty("name").GetString()!, d.TryGetProperty("shortName", out var s) ? s.GetString() : null),
                    new DistrictOffice(office.GetProperty("name").GetString()!, office.GetProperty("salutation").GetString()!,
                        office.GetProperty("email").GetString() ?? ""));
        throw new UnknownDepartmentException($"部门名录 {file} 中没有代码为“{code}”的部门。");
    }

    /// <summary>The directory file the app itself uses: <c>Reporting__DirectoryFile</c>, else departments.json beside the app.</summary>
    internal static string FindDirectoryFile() =>
        Environment.GetEnvironmentVariable("Reporting__DirectoryFile") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "departments.json");
}
