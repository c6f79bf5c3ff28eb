using System.Diagnostics;
using Reporting.Functions.Pages;

namespace Reporting.Cli;

/// <summary>
/// `reporting bench diff [--runs 20]`: the 草稿 page's comparison. In process: <see cref="VersionDiff"/> on the fixture's
/// longest part and on synthetic parts up to the 200,000-character limit, every tenth paragraph changed. Over HTTP: the
/// local host (in-memory Azurite) serving the 草稿 page of two versions of such a part, as a signed-in author; and the
/// memory eight loads of a part with `--versions` (40) of the costliest versions take.
/// </summary>
internal static class DiffBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Math.Max(1, BenchArguments.Int(args, "--runs", 20));
        var fixture = BenchArguments.Text(args, "--fixture") ?? BenchArguments.FindFixture();
        var longest = fixture is null ? "" : File.ReadAllLines(fixture).OrderByDescending(l => l.Length).First();
        var cases = new List<(string Name, string Old, string New)>();
        if (longest.Length > 0) cases.Add(($"fixture's longest paragraph ({longest.Length} chars), edited in two places", longest, longest[..10] + "全面"
            + longest[12..] + "。"));
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
        Console.WriteLine(Row($"VersionDiff.Build: {worst.Item1}",
            Time(Math.Min(runs, 3), () => Task.FromResult(VersionDiff.Build(worst.Item2, worst.Item3)))));

        // The costliest pairs that fit the 200,000-character limit, once each: time, memory allocated, HTML produced.
        // Characters of the fixture, which the configured faces cover, so that the server accepts the versions over HTTP too.
        var pool = fixture is null ? "" : string.Concat(File.ReadAllText(fixture).Where(c => c is >= '\u4E00' and <= '\u9FFF').Distinct());
        if (pool.Length < 250) pool = string.Concat(Enumerable.Range(0x4E00, 250).Select(c => (char)c));
        var costly = new[] { Alternating(pool), ShortLines(pool) };
        Console.WriteLine();
        Console.WriteLine("| worst case (in process, once) | time (ms) | allocated (MB) | diff HTML (KB) | outcome | characters compared one by one |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|");
        foreach (var (name, old, @new) in costly) Console.WriteLine(Costly(name, old, @new));

        await using var bench = await BenchHost.StartAsync();
        var overHttp = cases.Skip(1).Select(c => (c.Name, c.Old, c.New, Runs: runs))
            .Concat(costly.Select(c => (c.Item1, c.Item2, c.Item3, Runs: Math.Min(runs, 3)))).ToList();
        foreach (var (index, (name, old, @new, times)) in overHttp.Index())
        {
            var year = 2001 + index;
            foreach (var body in new[] { old, @new }) await SubmitAsync(bench, year, body);
            async Task<int> Page()
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"api/draft?year={year}&department=kgj&section=measures&from=1&to=2");
                get.Headers.Add("X-Dev-User", "kgj-author");
                using var page = await bench.Http.SendAsync(get);
                if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"draft page: {(int)page.StatusCode}");
                return (await page.Content.ReadAsByteArrayAsync()).Length;
            }
            var bytes = await Page();
            Console.WriteLine(Row($"GET 草稿 page over HTTP: {name} ({bytes / 1024} KB of HTML)", await TimeAsync(times, Page)));
        }
        await HistoryMemoryAsync(bench, 2001 + overHttp.Count, costly[0].Item2, costly[0].Item3, BenchArguments.Int(args, "--versions", 40));
        return 0;
    }

    /// <summary>
    /// A part with many versions of the costliest kind (the two texts of the alternating pair, in turn), and eight 草稿
    /// page loads of it at once: what the host (this process) allocates for them and how far its working set grows.
    /// </summary>
    private static async Task HistoryMemoryAsync(BenchHost bench, int year, string old, string @new, int versions)
    {
        for (var v = 1; v <= versions; v++) await SubmitAsync(bench, year, v % 2 == 1 ? old : @new);
        async Task<long> Load()
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"api/draft?year={year}&department=kgj&section=measures");
            get.Headers.Add("X-Dev-User", "kgj-author");
            using var page = await bench.Http.SendAsync(get);
            if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"draft page: {(int)page.StatusCode}");
            return (await page.Content.ReadAsByteArrayAsync()).LongLength;
        }
        await Load();  // JIT and first-use costs are not the page's
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var before = (WorkingSet: self.WorkingSet64, Allocated: GC.GetTotalAllocatedBytes(precise: true));
        var clock = Stopwatch.StartNew();
        var sizes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Load()));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        self.Refresh();
        var (workingSet, allocated) = (self.WorkingSet64, GC.GetTotalAllocatedBytes(precise: true) - before.Allocated);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine();
        Console.WriteLine($"| {versions} versions of {old.Length:N0} characters, 8 草稿 page loads at once | {elapsed:F0} ms in all | " +
            $"allocated {allocated / 1048576.0:F0} MB | working set {before.WorkingSet / 1048576} → {workingSet / 1048576} MB | " +
            $"managed heap after a forced collection {GC.GetTotalMemory(forceFullCollection: true) / 1048576} MB | page {sizes[0] / 1024} KB |");
    }

    /// <summary>The next version of the year's 科工局 part 二 with <paramref name="body"/>, submitted over HTTP as its author.</summary>
    private static async Task SubmitAsync(BenchHost bench, int year, string body)
    {
        using var submit = new HttpRequestMessage(HttpMethod.Post, "api/drafts")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["department"] = "kgj", ["section"] = "measures", ["body"] = body,
            }),
        };
        submit.Headers.Add("X-Dev-User", "kgj-author");
        using var submitted = await bench.Http.SendAsync(submit);
        if (!submitted.IsSuccessStatusCode)
            throw new InvalidOperationException($"submit: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
    }

    private static (string, string, string) Synthetic(int size)
    {
        var paragraphs = size / 100;
        var old = string.Join("\n", Enumerable.Range(0, paragraphs).Select(i => $"{i:D4}" + new string('法', 95)));
        var @new = string.Join("\n", Enumerable.Range(0, paragraphs)
            .Select(i => $"{i:D4}" + (i % 10 == 0 ? new string('法', 40) + "治理体系" + new string('法', 51) : new string('法', 95))));
        return ($"{size:N0} chars, every tenth of {paragraphs} paragraphs changed", old, @new);
    }

    /// <summary>
    /// Paragraphs just under the character diff's per-stretch cap, every other character changed, each followed by one
    /// unchanged paragraph so that each is a changed stretch of its own: each costs the character diff its length × its
    /// differences, and every changed character becomes its own marked run.
    /// </summary>
    private static (string, string, string) Alternating(string pool)
    {
        const int length = VersionDiff.MaxCharacterDiff / 2 - 10;
        var paragraphs = 197_000 / (length + 3);
        var old = string.Join("\n同。\n",
            Enumerable.Range(0, paragraphs).Select(p => string.Concat(Enumerable.Range(0, length).Select(j => pool[(j * 7 + p) % 200]))));
        var @new = string.Join("\n同。\n", Enumerable.Range(0, paragraphs).Select(p => string.Concat(Enumerable.Range(0, length)
            .Select(j => pool[j % 2 == 1 ? 200 + (j + p) % 50 : (j * 7 + p) % 200]))));
        return ($"{paragraphs} paragraphs of {length:N0} chars ({old.Length:N0} in all), every other character changed, an unchanged one after each", old,
            @new);
    }

    /// <summary>The most paragraphs the limit allows, none shared between the versions: the paragraph diff's own worst case.</summary>
    private static (string, string, string) ShortLines(string pool)
    {
        const int paragraphs = 20_000;
        var random = new Random(5);
        string Version() => string.Join("\n",
            Enumerable.Range(0, paragraphs).Select(_ => string.Concat(Enumerable.Range(0, 9).Select(_ => pool[random.Next(pool.Length)]))));
        var (old, @new) = (Version(), Version());
        return ($"{paragraphs:N0} paragraphs of 9 chars ({old.Length:N0} in all), none alike", old, @new);
    }

    private static string Costly(string name, string old, string @new)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var diff = VersionDiff.Build(old, @new);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var html = diff.HtmlBytes;
        return $"| {name} | {elapsed:F0} | {allocated / 1048576.0:F0} | {html / 1024} | {diff.Outcome} | {diff.CharactersCompared:N0} |";
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
