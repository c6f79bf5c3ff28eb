using System.Diagnostics;
using Reporting.Functions.Pages;

namespace Reporting.Cli;

/// <summary>
/// `reporting bench diff [--runs 20]`: the 草稿 page's comparison. In process: <see cref="VersionDiff"/> on the fixture's
/// longest part and on synthetic parts up to the 200,000-character limit, every tenth paragraph changed. Over HTTP: the
/// local host (in-memory Azurite) serving the 草稿 page of two versions of such a part, as a signed-in author.
/// </summary>
internal static class DiffBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Math.Max(1, BenchArguments.Int(args, "--runs", 20));
        var fixture = BenchArguments.Text(args, "--fixture") ?? BenchArguments.FindFixture();
        var longest = fixture is null ? "" : File.ReadAllLines(fixture).OrderByDescending(l => l.Length).First();
        var cases = new List<(string Name, string Old, string New)>();
        if (longest.Length > 0) cases.Add(($"fixture's longest paragraph ({longest.Length} chars), edited in two places", longest, longest[..10] + "全面" + longest[12..] + "。"));
        foreach (var size in new[] { 2_000, 20_000, 200_000 }) cases.Add(Synthetic(size));
        // The worst the character diff is asked to do: one paragraph at the cap, rewritten from the first character to the last.
        var half = VersionDiff.MaxCharacterDiff / 2;
        var worst = ($"worst case: one {half:N0}-char paragraph rewritten throughout", Scramble(half, 1), Scramble(half, 2));

        Console.WriteLine($"diff bench: {runs} runs each, median and slowest (ms)");
        Console.WriteLine("| case | median | slowest |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, old, @new) in cases)
        {
            VersionDiff.Build(old, @new);  // JIT and first-use costs are not the page's
            Console.WriteLine(Row($"VersionDiff.Build: {name}", Time(runs, () => Task.FromResult(VersionDiff.Build(old, @new)))));
        }
        Console.WriteLine(Row($"VersionDiff.Build: {worst.Item1}", Time(Math.Min(runs, 3), () => Task.FromResult(VersionDiff.Build(worst.Item2, worst.Item3)))));

        await using var bench = await BenchHost.StartAsync();
        foreach (var (name, old, @new) in cases.Skip(1))
        {
            var year = 2001 + cases.IndexOf((name, old, @new));
            foreach (var body in new[] { old, @new })
            {
                using var submit = new HttpRequestMessage(HttpMethod.Post, "api/drafts")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = year.ToString(), ["department"] = "kgj", ["section"] = "measures", ["body"] = body }),
                };
                submit.Headers.Add("X-Dev-User", "kgj-author");
                using var submitted = await bench.Http.SendAsync(submit);
                if (!submitted.IsSuccessStatusCode) throw new InvalidOperationException($"submit: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
            }
            async Task<int> Page()
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"api/draft?year={year}&department=kgj&section=measures&from=1&to=2");
                get.Headers.Add("X-Dev-User", "kgj-author");
                using var page = await bench.Http.SendAsync(get);
                if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"draft page: {(int)page.StatusCode}");
                return (await page.Content.ReadAsByteArrayAsync()).Length;
            }
            var bytes = await Page();
            Console.WriteLine(Row($"GET 草稿 page over HTTP: {name} ({bytes / 1024} KB of HTML)", await TimeAsync(runs, Page)));
        }
        return 0;
    }

    private static (string, string, string) Synthetic(int size)
    {
        var paragraphs = size / 100;
        var old = string.Join("\n", Enumerable.Range(0, paragraphs).Select(i => $"{i:D4}" + new string('法', 95)));
        var @new = string.Join("\n", Enumerable.Range(0, paragraphs).Select(i => $"{i:D4}" + (i % 10 == 0 ? new string('法', 40) + "治理体系" + new string('法', 51) : new string('法', 95))));
        return ($"{size:N0} chars, every tenth of {paragraphs} paragraphs changed", old, @new);
    }

    /// <summary>Chinese text that shares no long run with another seed's: the diff must find every difference.</summary>
    private static string Scramble(int length, int seed)
    {
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 200)));
    }

    private static string Row(string name, List<double> times)
    {
        times.Sort();
        return $"| {name} | {times[times.Count / 2]:F1} | {times[^1]:F1} |";
    }

    private static List<double> Time<T>(int runs, Func<Task<T>> action) => TimeAsync(runs, action).GetAwaiter().GetResult();

    private static async Task<List<double>> TimeAsync<T>(int runs, Func<Task<T>> action)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }
}
