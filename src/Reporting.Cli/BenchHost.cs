using Reporting.Development.Emulator;
using Reporting.LocalHost;

namespace Reporting.Cli;

/// <summary>The local host on a free loopback port over its own in-memory Azurite, mail to .eml files: what the HTTP benches drive.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly AzuriteProcess _azurite;
    private readonly string _mail;

    private BenchHost(AzuriteProcess azurite, LocalHostApp host, string mail)
    {
        _azurite = azurite;
        Host = host;
        _mail = mail;
        Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    public LocalHostApp Host { get; }
    public HttpClient Http { get; }

    public IReadOnlyList<string> Departments =>
        ((Reporting.Core.Directory.DistrictDirectory)Host.Services.GetService(typeof(Reporting.Core.Directory.DistrictDirectory))!).Departments.Select(d =>
            d.Code).ToList();

    public static async Task<BenchHost> StartAsync()
    {
        var mail = Path.Combine(Path.GetTempPath(), "reporting-bench-mail-" + Guid.NewGuid().ToString("N"));
        var azurite = await AzuriteProcess.StartAsync();
        var host = await LocalHostApp.CreateAsync([], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["LocalHost:Url"] = "http://127.0.0.1:0",
            ["Mail:DropFolder"] = mail,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await host.StartAsync();
        return new BenchHost(azurite, host, mail);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await _azurite.DisposeAsync();
        if (Directory.Exists(_mail)) Directory.Delete(_mail, recursive: true);
    }
}
