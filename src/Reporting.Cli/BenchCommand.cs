namespace Reporting.Cli;

/// <summary><c>reporting bench CASE [options]</c>: dispatches to the benchmark of one part of the product.</summary>
public static class BenchCommand
{
    public static Task<int> RunAsync(string[] args) => args.FirstOrDefault() switch
    {
        "typesetting" => TypesettingBench.RunAsync(args[1..]),
        "flow" => FlowBench.RunAsync(args[1..]),
        "year-end" => YearEndBench.RunAsync(args[1..]),
        "volume" => VolumeBench.RunAsync(args[1..]),
        "load" => LoadBench.RunAsync(args[1..]),
        "diff" => DiffBench.RunAsync(args[1..]),
        "overview" => OverviewBench.RunAsync(args[1..]),
        "pages" => PagesBench.RunAsync(args[1..]),
        _ => Task.FromResult(Usage()),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            用法：
              reporting bench typesetting [--pages 200] [--runs 5] [--warm-runs 11] [--report REPORT.txt] [--warm-only]
              reporting bench flow [--reports 20] [--fixture REPORT.txt]
              reporting bench year-end [--departments N] [--fixture REPORT.txt]
              reporting bench volume [--departments N] [--fixture REPORT.txt] [--ofd]
              reporting bench load [--clients 50] [--submissions 1000] [--reports 10] [--parts 5] [--fixture REPORT.txt]
              reporting bench diff [--runs 20] [--fixture REPORT.txt]
              reporting bench overview [--clients 50] [--rounds 3] [--versions 2] [--fixture REPORT.txt]
              reporting bench pages [--loads 30] [--versions 3] [--fixture REPORT.txt]
            """);
        return 2;
    }
}
