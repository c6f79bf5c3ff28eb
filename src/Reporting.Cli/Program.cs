using Reporting.Cli;

// reporting render REPORT.txt OUT.pdf [--department CODE] [--year YYYY] [--date YYYY-MM-DD] [--seal SEAL.png] [--sign SIGNING.pfx [--sign-password P]] [--ofd
// OUT.ofd]
// reporting bench [typesetting|flow|year-end|all] [options]
// reporting replay-poison [QUEUE] [--connection STRING]
return args.FirstOrDefault() switch
{
    "render" => RenderCommand.Run(args[1..]),
    "bench" => await BenchCommand.RunAsync(args[1..]),
    "replay-poison" => await ReplayPoisonCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        用法:
          reporting render REPORT.txt OUT.pdf [--department CODE] [--year YYYY] [--date YYYY-MM-DD] [--seal SEAL.png]
                                              [--sign SIGNING.pfx [--sign-password P]] [--ofd OUT.ofd]
          reporting bench [typesetting|flow|all] [--reports N]
          reporting replay-poison [report-assembly|report-notifications|report-year-end] [--connection 连接字符串]
        """);
    return 2;
}
