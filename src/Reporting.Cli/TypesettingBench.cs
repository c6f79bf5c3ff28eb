using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;
using Reporting.Development.Seals;
using Reporting.Typesetting;
using Reporting.Typesetting.Signing;

namespace Reporting.Cli;

/// <summary>
/// <c>reporting bench typesetting</c>: (a) warm throughput on one thread for a long report, (b) cold render
/// by a fresh <c>reporting render</c> process (and headless Chromium printing the same text, when installed),
/// (c) bytes per page and peak memory. Medians of several runs, printed as a Markdown table; <c>--warm-only</c> stops after (a).
/// </summary>
public static class TypesettingBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pages = BenchArguments.Int(args, "--pages", 200);
        var runs = Math.Max(1, BenchArguments.Int(args, "--runs", 5));
        var reportFile = BenchArguments.Text(args, "--report") ?? BenchArguments.FindFixture();
        if (reportFile is null || !File.Exists(reportFile))
        {
            Console.Error.WriteLine("找不到基准测试用的报告文本（--report REPORT.txt）。");
            return 2;
        }
        var typesetter = GbtTypesetter.CreateDefault();
        var text = await File.ReadAllTextAsync(reportFile);
        var request = new RenderCommand.Request(reportFile, "", "kgj", 2023, new DateOnly(2024, 1, 15), null);
        var fixture = RenderCommand.Build(request);
        var fixturePages = typesetter.Render(fixture).PageCount;
        var repeats = Math.Max(1, pages / Math.Max(1, fixturePages - 1));
        var big = Repeat(fixture, repeats);
        var warm = typesetter.Render(big);
        if (warm.PageCount < pages)
        {
            big = Repeat(fixture, (int)Math.Ceiling(repeats * (pages + 0.5) / warm.PageCount));
            warm = typesetter.Render(big);
        }

        var rows = new List<(string Measure, string Value, string Target)>();
        // Both ways warmed alike, then taken in turns, each pair in the other order than the one before, and each run
        // after a full collection: on a shared machine a change of load hits both the same, neither runs code the JIT
        // has not yet optimised, and neither pays for the other's garbage. Never fewer than 11 pairs: the OFD's cost is
        // the difference of two medians, and 5 moved it by 20 points from run to run.
        var warmRuns = Math.Max(runs, BenchArguments.Int(args, "--warm-runs", 11));
        var warmTimes = new List<double>();
        var cpuTimes = new List<double>();
        var ofdTimes = new List<double>();
        var ofdCpuTimes = new List<double>();
        var (threadTimes, ofdThreadTimes) = (new List<double>(), new List<double>());
        long ofdBytes = 0;
        for (var i = 0; i < 2; i++) typesetter.Render(big, new MemoryStream());
        for (var i = 0; i < warmRuns; i++)
        {
            for (var turn = 0; turn < 2; turn++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                if ((turn == 0) == (i % 2 == 0))
                {
                    (warm, var wall, var cpu, var thread) = Timed(() => typesetter.Render(big));
                    warmTimes.Add(wall);
                    cpuTimes.Add(cpu);
                    threadTimes.Add(thread);
                }
                else
                {
                    using var ofd = new MemoryStream();
                    (_, var wall, var cpu, var thread) = Timed(() => typesetter.Render(big, ofd));
                    ofdTimes.Add(wall);
                    ofdCpuTimes.Add(cpu);
                    ofdThreadTimes.Add(thread);
                    ofdBytes = ofd.Length;
                }
            }
        }
        var warmMedian = Median(warmTimes);
        var cpuMedian = Median(cpuTimes);
        rows.Add(($"warm: {warm.PageCount}-page report, one thread, wall time, median of {warmRuns}",
            $"{warmMedian * 1000:F0} ms = {warm.PageCount / warmMedian:F0} pages/s", "≥ 1,000 pages/s"));
        rows.Add(($"warm: same, CPU time of the process (GC included), median of {warmRuns}",
            $"{cpuMedian * 1000:F0} ms = {warm.PageCount / cpuMedian:F0} pages per CPU-second", ""));
        using var key = BenchKey();
        var signer = new PadesSigner(key);
        var signTimes = new List<double>();
        var signed = warm.Content;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            signed = signer.Sign(warm.Content, DateTimeOffset.Now);
            signTimes.Add(watch.Elapsed.TotalSeconds);
        }
        var signMedian = Median(signTimes);
        rows.Add(($"signing: PAdES signature of the same {warm.PageCount}-page PDF (RSA-2048 PKCS#12 key, SHA-256 over the file), median of {runs}",
            $"{signMedian * 1000:F1} ms = {100 * signMedian / warmMedian:F1}% of the warm render; +{signed.Length - warm.Content.Length:N0} B", ""));
        rows.Add(($"PDF bytes per page ({warm.PageCount} pages)",
            $"{warm.Content.Length / warm.PageCount:N0} B (total {warm.Content.Length / 1024.0 / 1024.0:F2} MiB)", ""));
        var (withOfd, withOfdCpu) = (Median(ofdTimes), Median(ofdCpuTimes));
        rows.Add(($"warm: same with the OFD beside it (one layout, PDF and OFD written), wall time, median of {warmRuns}",
            $"{withOfd * 1000:F0} ms = +{(withOfd / warmMedian - 1) * 100:F0} % over the PDF alone", "≤ +30 %"));
        rows.Add(($"warm: PDF and OFD, CPU time of the process, median of {warmRuns}",
            $"{withOfdCpu * 1000:F0} ms = +{(withOfdCpu / cpuMedian - 1) * 100:F0} % over the PDF alone", "≤ +30 %"));
        var (threadMedian, ofdThreadMedian) = (Median(threadTimes), Median(ofdThreadTimes));
        rows.Add(($"warm: CPU time of the rendering thread alone (what a free second core cannot take over), PDF / PDF and OFD, median of {warmRuns}",
            double.IsNaN(threadMedian) ? "n/a"
                : $"{threadMedian * 1000:F0} / {ofdThreadMedian * 1000:F0} ms = +{(ofdThreadMedian / threadMedian - 1) * 100:F0} %", ""));
        rows.Add(($"OFD bytes per page ({warm.PageCount} pages)", $"{ofdBytes / warm.PageCount:N0} B (total {ofdBytes / 1024.0 / 1024.0:F2} MiB)", ""));
        using var process = Process.GetCurrentProcess();
        rows.Add(("peak working set of this bench process (fonts, runtime and all the renders above)",
            $"{process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB", ""));
        rows.Add(("managed heap after the renders (GC.GetGCMemoryInfo)", $"{GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0:F0} MiB", ""));

        // --warm-only: the warm rows alone (the OFD's cost is among them), for repeated A/B runs on a shared machine.
        if (args.Contains("--warm-only")) return await Print(rows);
        var temp = Directory.CreateTempSubdirectory("typeset-bench-");
        try
        {
            var bigFile = Path.Combine(temp.FullName, "report-200.txt");
            // As plain text the repeated headings fold into one per part, which shortens it a little: add a margin so it stays at or above --pages.
            await File.WriteAllTextAsync(bigFile, PlainText(Repeat(fixture, (int)Math.Ceiling(repeats * 1.15))));
            var (bigPages, peak) = FreshProcessPeak(bigFile, temp.FullName);
            rows.Add(($"peak memory of a fresh `reporting render` of the {bigPages}-page report (one render, runtime and fonts included)", peak is null
                ? "n/a" : $"{peak.Value / 1e6:F0} MB ({peak.Value / 1024.0 / 1024.0:F0} MiB)", "< 150 MB"));
            var cold = ColdRenders(reportFile, temp.FullName, runs);
            rows.Add(($"cold: fresh `reporting render` of the fixture ({fixturePages} pages), median of {runs}", cold is null ? "n/a"
                : $"{cold * 1000:F0} ms", "< 400 ms"));
            var pfx = Path.Combine(temp.FullName, "bench.pfx");
            await File.WriteAllBytesAsync(pfx, key.Export());
            var coldSigned = ColdRenders(reportFile, temp.FullName, runs, $" --sign \"{pfx}\"");
            rows.Add(($"cold: the same with `--sign` (development seal drawn and placed, PKCS#12 file read, signature), median of {runs}",
                Relative(coldSigned, cold), "≤ +25 %"));
            // Where that time goes: the seal alone (a PNG file placed, unsigned), then the same seal signed.
            var seal = Path.Combine(temp.FullName, "seal.png");
            await File.WriteAllBytesAsync(seal, DevelopmentSeal.Draw(fixture.Signature));
            var coldSealed = ColdRenders(reportFile, temp.FullName, runs, $" --seal \"{seal}\"");
            rows.Add(($"cold: with `--seal SEAL.png` only (the seal placed, unsigned), median of {runs}", Relative(coldSealed, cold), ""));
            var coldSealedSigned = ColdRenders(reportFile, temp.FullName, runs, $" --seal \"{seal}\" --sign \"{pfx}\"");
            rows.Add(($"cold: with `--seal SEAL.png --sign` (what signing adds to a sealed render), median of {runs}",
                Relative(coldSealedSigned, cold)
                    + (coldSealedSigned is null || coldSealed is null ? "" : $"; +{100 * (coldSealedSigned - coldSealed) / coldSealed:F0}% over `--seal`"),
                        ""));
            if (File.Exists("/usr/bin/chromium"))
            {
                var html = Path.Combine(temp.FullName, "report.html");
                await File.WriteAllTextAsync(html, Html(fixture));
                var chromium = Median(Enumerable.Range(0, Math.Min(runs, 3)).Select(_ => Chromium(html, temp.FullName)).ToList());
                rows.Add(("cold: headless Chromium printing the same report as HTML", $"{chromium * 1000:F0} ms", "(comparison)"));
            }
        }
        finally { temp.Delete(true); }
        return await Print(rows);
    }

    private static async Task<int> Print(List<(string Measure, string Value, string Target)> rows)
    {
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?";
        Console.WriteLine($"Typesetting bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {load}, .NET "
            + $"{Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| measure | value | target |");
        Console.WriteLine("|---|---|---|");
        foreach (var (measure, value, target) in rows) Console.WriteLine($"| {measure} | {value} | {target} |");
        return 0;
    }

    /// <summary>A throwaway RSA-2048 self-signed key, as the development certificate is.</summary>
    private static BenchSigningKey BenchKey()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=基准测试（测试）", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "");
        return new BenchSigningKey(pfx, Pkcs12SigningKey.Load(pfx, ""));
    }

    private sealed class BenchSigningKey(byte[] pfx, Pkcs12SigningKey key) : IDocumentSigningKey, IDisposable
    {
        public IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> CertificateChain => key.CertificateChain;
        public byte[] SignSha256(ReadOnlySpan<byte> digest) => key.SignSha256(digest);
        public byte[] Export() => pfx;
        public void Dispose() => key.Dispose();
    }

    private static string Relative(double? value, double? baseline) =>
        value is null || baseline is null ? "n/a" : $"{value * 1000:F0} ms (+{100 * (value - baseline) / baseline:F0}%)";

    private static ReportDocument Repeat(ReportDocument document, int times)
    {
        var blocks = Enumerable.Range(0, times).SelectMany(_ => document.Blocks).ToList();
        return document with { Blocks = blocks };
    }

    /// <summary>
    /// One render: what it returned, its wall time, the CPU time of the whole process (GC threads and the OFD's writer
    /// thread included) and that of the calling thread alone (NaN where Linux's schedstat is not there), in seconds.
    /// </summary>
    private static (RenderedPdf Pdf, double Wall, double Cpu, double Thread) Timed(Func<RenderedPdf> render)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var thread = ThreadCpuNanoseconds();
        var watch = Stopwatch.StartNew();
        var pdf = render();
        var wall = watch.Elapsed.TotalSeconds;
        var threadCpu = (ThreadCpuNanoseconds() - thread) / 1e9;
        process.Refresh();
        return (pdf, wall, (process.TotalProcessorTime - cpu).TotalSeconds, threadCpu);
    }

    /// <summary>The calling thread's time on a CPU so far, in nanoseconds: the first field of Linux's /proc/thread-self/schedstat.</summary>
    private static double ThreadCpuNanoseconds() => File.Exists("/proc/thread-self/schedstat")
        ? double.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture)
        : double.NaN;

    /// <summary>Spawns this very executable as <c>render</c>, so start-up, JIT and font loading all count.</summary>
    private static double? ColdRenders(string report, string temp, int runs, string extra = "")
    {
        var self = Environment.ProcessPath;
        if (self is null) return null;
        var prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? $"\"{typeof(TypesettingBench).Assembly.Location}\" " : "";
        var times = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var watch = Stopwatch.StartNew();
            var exit = Run(self, $"{prefix}render \"{report}\" \"{Path.Combine(temp, "cold.pdf")}\" --date 2024-01-15{extra}");
            if (exit != 0) return null;
            if (i > 0) times.Add(watch.Elapsed.TotalSeconds); // the first run warms the OS file cache
        }
        return Median(times);
    }

    /// <summary>The report as the plain text `render` reads: title, blank line, then each block on its own line.</summary>
    private static string PlainText(ReportDocument document) =>
        string.Join('\n', new[] { document.Title, "" }.Concat(document.Blocks.Select(b => b.Text)));

    /// <summary>Renders the long report in a fresh process that reports its own peak working set, so the figure is one render's, not this bench's.</summary>
    private static (int Pages, long? PeakBytes) FreshProcessPeak(string report, string temp)
    {
        var self = Environment.ProcessPath;
        if (self is null) return (0, null);
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(TypesettingBench).Assembly.Location);
        foreach (var a in new[] { "render", report, Path.Combine(temp, "peak.pdf"), "--date", "2024-01-15" }) start.ArgumentList.Add(a);
        start.Environment[RenderCommand.PeakMemoryVariable] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var peak = output.Split('\n').FirstOrDefault(l => l.StartsWith("peak-working-set-bytes: ", StringComparison.Ordinal));
        var pages = System.Text.RegularExpressions.Regex.Match(output, @"：(\d+) 页");
        return (pages.Success ? int.Parse(pages.Groups[1].Value) : 0, peak is null ? null : long.Parse(peak["peak-working-set-bytes: ".Length..].Trim()));
    }

    private static double Chromium(string html, string temp)
    {
        var watch = Stopwatch.StartNew();
        Run("/usr/bin/chromium",
            $"--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync "
                + $"--user-data-dir=\"{Path.Combine(temp, "chromium")}\" --print-to-pdf=\"{Path.Combine(temp, "chromium.pdf")}\" \"file://{html}\"");
        return watch.Elapsed.TotalSeconds;
    }

    private static int Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false
        })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The same report as a browser would print it: A4, the 156 × 225 mm block, 16 pt text on a 28.99 pt line.</summary>
    private static string Html(ReportDocument document)
    {
        var body = new StringBuilder();
        body.Append($"<h1>{WebUtility.HtmlEncode(document.Title)}</h1><p class=r>{WebUtility.HtmlEncode(document.Recipient ?? "")}</p>");
        foreach (var block in document.Blocks)
            body.Append(block.Kind == BlockKind.Heading ? $"<h2>{WebUtility.HtmlEncode(block.Text)}</h2>" : $"<p>{WebUtility.HtmlEncode(block.Text)}</p>");
        body.Append($"<p class=s>{WebUtility.HtmlEncode(document.Signature)}<br>{document.DateText}</p>");
        return $$"""
            <!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
            @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
            body { font: 16pt/28.99pt "AR PL UMing CN", serif; text-align: justify; line-break: strict; }
            h1 { font: bold 22pt/28.99pt "AR PL UMing CN", serif; text-align: center; margin: 0 0 28.99pt; }
            h2 { font: 16pt/28.99pt "WenQuanYi Micro Hei", sans-serif; margin: 0; text-indent: 2em; }
            p { margin: 0; text-indent: 2em; } p.r { text-indent: 0; } p.s { text-align: right; margin-top: 28.99pt; }
            </style><body>{{body}}</body></html>
            """;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
