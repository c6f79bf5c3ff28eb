using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Azure.Storage;
using Reporting.Development.Emulator;
using Reporting.Functions;
using Reporting.Functions.Functions;

namespace Reporting.LocalHost;

/// <summary>
/// Runs the Functions app's own function classes on one machine without Core Tools: HTTP triggers on
/// 127.0.0.1 under the same routes, queue triggers polled per host.json, timers on their schedule.
/// When no storage is configured it starts Azurite itself (<see cref="LocalAzurite"/>) and stops it on exit, or when its start fails.
/// </summary>
public sealed class LocalHostApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AzuriteProcess? _azurite;

    private LocalHostApp(WebApplication app, AzuriteProcess? azurite, IReadOnlyList<FunctionDescriptor> functions)
    {
        _app = app;
        _azurite = azurite;
        Functions = functions;
    }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>The Azurite this host started and stops (null when storage was configured).</summary>
    public AzuriteProcess? Azurite => _azurite;

    /// <summary>The address the HTTP triggers listen on (known once started).</summary>
    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// Settings only the local host has: Azurite refuses the static website's container name $web, so the public copy goes
    /// to "web", readable anonymously as the static website would serve it (Publication__AnonymousReadContainer, never set in Azure).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LocalDefaults { get; } = new Dictionary<string, string?>
    {
        ["Publication:Container"] = "web",
        ["Publication:AnonymousReadContainer"] = "true",
    };

    /// <param name="configure">Extra configuration (tests pass storage, SMTP and a port of 0 here).</param>
    /// <param name="logging">Extra logging set-up after the console's (tests add a provider that keeps the host's lines in a file).</param>
    /// <param name="services">Replaces services after the app's own (a test's clock as the <see cref="TimeProvider"/>); the last registration wins.</param>
    public static async Task<LocalHostApp> CreateAsync(string[] args, IDictionary<string, string?>? configure = null,
        Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Insert(0,
            new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = AppSettingNames.Defaults });
        builder.Configuration.Sources.Insert(1, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = LocalDefaults });
        if (configure is not null) builder.Configuration.AddInMemoryCollection(configure);
        var configuration = builder.Configuration;

        AzuriteProcess? azurite = null;
        if (string.IsNullOrWhiteSpace(configuration[AppSettingNames.StorageConnection]) && !configuration.GetSection(AppSettingNames.StorageConnection)
            .GetChildren().Any())
        {
            // What the start finds on the ports or the data folder is said before the app's own logging exists.
            using var startLog = LoggerFactory.Create(log =>
            {
                log.AddSimpleConsole(ConsoleLines);
                logging?.Invoke(log);
            });
            azurite = await LocalAzurite.StartAsync(configuration, startLog.CreateLogger(typeof(LocalAzurite).FullName!), cancellationToken);
            configuration[AppSettingNames.StorageConnection] = azurite.ConnectionString;
        }
        try
        {
            return await CreateOverStorageAsync(builder, azurite, logging, services, cancellationToken);
        }
        catch
        {
            // A start that fails (a bad setting, storage that does not answer) leaves no emulator behind.
            if (azurite is not null) await azurite.DisposeAsync();
            throw;
        }
    }

    private static void ConsoleLines(Microsoft.Extensions.Logging.Console.SimpleConsoleFormatterOptions options)
    {
        options.SingleLine = true;
        options.TimestampFormat = "HH:mm:ss ";
    }

    private static async Task<LocalHostApp> CreateOverStorageAsync(WebApplicationBuilder builder, AzuriteProcess? azurite,
        Action<ILoggingBuilder>? logging, Action<IServiceCollection>? services, CancellationToken cancellationToken)
    {
        var configuration = builder.Configuration;
        var url = configuration["LocalHost:Url"] ?? "http://127.0.0.1:7071";
        // The port is named: Kestrel read "http://127.0.0.1:" (no port) as every interface's port 80, not the loopback address.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || !System.Net.IPAddress.TryParse(parsed.Host, out var ip)
            || !System.Net.IPAddress.IsLoopback(ip) || !url.TrimEnd('/').EndsWith($":{parsed.Port}", StringComparison.Ordinal))
            throw new InvalidOperationException($"LocalHost:Url must be a loopback address and port such as http://127.0.0.1:7071 (got {url}).");
        // What is bound is the address just checked, written out again.
        builder.WebHost.UseUrls($"{parsed.Scheme}://{parsed.Host}:{parsed.Port}");
        builder.Logging.AddSimpleConsole(ConsoleLines);
        // Per-request lines from ASP.NET drown the functions' own log lines; keep its warnings only.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);

        var settings = HostJsonSettings.LoadShipped();
        // The app's functions and the local host's own (the development sign-in page), in one name order.
        var functions = FunctionCatalog.Discover(typeof(ReportingServices).Assembly.GetTypes().Concat(typeof(LocalHostApp).Assembly.GetTypes()));
        DevelopmentSigning.UseDevelopmentCertificate(configuration);
        // The local host, and only it, runs the development sign-in (it refuses when an App Service marker is set).
        builder.Services.AddReporting(configuration, developmentSignIn: true);
        DevelopmentIdentity.Use(builder.Services);
        // Every organisation without an uploaded seal seals with its development seal here (never on App Service).
        DevelopmentSeals.Use(builder.Services, configuration);
        services?.Invoke(builder.Services);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<FunctionInvoker>();
        foreach (var middleware in ReportingMiddleware.Pipeline) builder.Services.AddSingleton(middleware);
        foreach (var function in functions)
        {
            if (function.Kind == TriggerKind.Queue)
                builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerListener>(sp, function));
            else if (function.Kind == TriggerKind.Timer)
                builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerTriggerScheduler>(sp, function));
        }

        var app = builder.Build();
        var invoker = app.Services.GetRequiredService<FunctionInvoker>();
        // The Functions host tries routes in the ordinal order of function names and takes the first match; it does
        // not rank literal segments above parameters as ASP.NET Core does. The order here is the same, so two routes
        // that overlap resolve locally exactly as in Azure.
        var order = 0;
        foreach (var function in functions.Where(f => f.Kind == TriggerKind.Http))
            app.MapMethods($"/{settings.RoutePrefix}/{function.Target}", function.HttpMethods.Select(m => m.ToUpperInvariant()),
                context => invoker.InvokeHttpAsync(function, context))
                .WithName(function.Name)
                .WithOrder(order++);
        app.MapGet("/", () => Results.Redirect($"/{settings.RoutePrefix}/form"));
        // Outside the route prefix the Functions host serves its own pages; here the app's catch-all answers instead of an empty 404.
        var unmatched = functions.Single(f => f.Name == UnmatchedRouteFunction.Name);
        app.MapFallback("{*path}", context => invoker.InvokeHttpAsync(unmatched, context));

        await app.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
        await app.Services.GetRequiredService<Reporting.Azure.Blobs.BlobPublicSite>().EnsureCreatedAsync(cancellationToken);
        return new LocalHostApp(app, azurite, functions);
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken);
        // Links in e-mails point at this host unless Reporting__PublicBaseUrl says otherwise (tests listen on a free port).
        var links = _app.Services.GetRequiredService<Reporting.Functions.Notices.PublicLinks>();
        if (!links.IsConfigured) links.UseLocalAddress(BaseAddress);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try { await _app.StopAsync(); } catch (OperationCanceledException) { }
        await _app.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
