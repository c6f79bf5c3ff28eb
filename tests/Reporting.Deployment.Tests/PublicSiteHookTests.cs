using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>
/// The public site's index.html and 404.html exist from the deployment on (issue 21: no link shows storage XML): an azd
/// postdeploy hook wakes the app, whose start-up writes both, and reads them back over the public static website. Run
/// here against a loopback server that answers as the app and the website would, and as the website does before the app
/// has written anything (the storage service's own XML).
/// </summary>
public sealed class PublicSiteHookTests
{
    private const string HookPath = "./infra/hooks/prepare-public-site.sh";
    private const string ZhPage = "<!doctype html><html lang=\"zh-CN\"><head><title>法治政府建设年度报告</title></head><body>…</body></html>";
    private const string StorageError = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code></Error>";

    [Fact]
    public void The_postdeploy_hook_is_wired_in_azure_yaml() => AzdHooks.AssertWired("postdeploy", HookPath);

    [Fact]
    public async Task The_hook_wakes_the_app_and_passes_once_the_site_serves_its_zh_CN_index_and_404_page()
    {
        await using var server = LoopbackSite.Start(path => path switch
        {
            "/api/health" => (200, "{\"status\":\"healthy\"}"),
            "/" => (200, ZhPage),
            _ => (404, ZhPage),
        });

        var (exit, output, error) = await RunHookAsync(server.Url, attempts: 2);

        Assert.True(exit == 0, output + error);
        Assert.Contains("serves the index", output);
        Assert.Contains("/api/health", server.Asked);
    }

    [Fact]
    public async Task The_hook_fails_loudly_after_its_attempts_while_the_site_shows_the_storage_service_s_error()
    {
        await using var server = LoopbackSite.Start(path => path == "/api/health" ? (200, "{}") : (404, StorageError));

        var (exit, output, error) = await RunHookAsync(server.Url, attempts: 2);

        Assert.Equal(1, exit);
        Assert.Contains("after 2 attempts", error);
        Assert.Contains("'404 no'", error);
        Assert.Equal(2, server.Asked.Count(p => p == "/api/health"));
    }

    [Fact]
    public async Task The_hook_refuses_to_run_without_the_addresses_azd_passes()
    {
        var (exit, _, error) = await RunHookAsync(null, attempts: 1);

        Assert.Equal(1, exit);
        Assert.Contains("SERVICE_API_URI and AZURE_STORAGE_STATIC_WEBSITE_URL must be set", error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunHookAsync(string? url, int attempts)
    {
        var start = new ProcessStartInfo("/bin/sh", Path.Combine(RepositoryFiles.Root, HookPath))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Root,
        };
        start.Environment["SERVICE_API_URI"] = url ?? "";
        start.Environment["AZURE_STORAGE_STATIC_WEBSITE_URL"] = url ?? "";
        start.Environment["PUBLIC_SITE_ATTEMPTS"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PUBLIC_SITE_RETRY_SECONDS"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Bounded: each curl has --max-time, and a hook that hangs still ends the test.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>An HTTP server on 127.0.0.1 answering each path as told, and noting the paths asked.</summary>
    private sealed class LoopbackSite : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;
        private readonly List<string> _asked = [];

        private LoopbackSite(Func<string, (int Status, string Body)> answer)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _serving = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                    var path = context.Request.Url!.AbsolutePath;
                    lock (_asked) _asked.Add(path);
                    var (status, body) = answer(path);
                    var bytes = Encoding.UTF8.GetBytes(body);
                    context.Response.StatusCode = status;
                    context.Response.ContentType = body.StartsWith("<?xml", StringComparison.Ordinal) ? "application/xml" : "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public IReadOnlyList<string> Asked
        {
            get { lock (_asked) return [.. _asked]; }
        }

        public static LoopbackSite Start(Func<string, (int Status, string Body)> answer) => new(answer);

        public async ValueTask DisposeAsync()
        {
            // Close() alone: Stop() then Close() unregisters the prefix twice on Linux, binding the port again the second time.
            _listener.Close();
            await _serving;
        }
    }
}
