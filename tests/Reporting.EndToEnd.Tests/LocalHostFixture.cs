using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Reporting.Azure.Storage;
using Reporting.Core.Access;
using Reporting.Development.Emulator;
using Reporting.LocalHost;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The whole product on one machine: real Azurite, a real SMTP server on 127.0.0.1, and the local host
/// running the Functions app's own classes on a free loopback port. Shared by every end-to-end test.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    public SmtpTestServer Smtp { get; } = new();
    public WebhookTestListener Webhook { get; } = new();

    /// <summary>Short backoff so outage tests run in seconds; the sweep every two seconds (production: minutes to hours, every five minutes).</summary>
    public const string RetrySchedule = "00:00:01,00:00:02,00:00:04";
    public LocalHostApp Host { get; private set; } = null!;

    /// <summary>
    /// Signed in as kgj-author (X-Dev-User), which suits the common hand-built request (a draft for 科工局).
    /// Anyone else: <see cref="ClientAs"/>; nobody: <see cref="Anonymous"/>.
    /// </summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>No identity at all: every API answer is 401.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public StorageClients Storage { get; private set; } = null!;
    public string MailDrop { get; } = Path.Combine(Path.GetTempPath(), "reporting-e2e-mail-" + Guid.NewGuid().ToString("N"));
    private HttpMessageHandler _handler = null!;
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    /// <summary>The file the host's log lines go to: .local/host-logs/{LogName}.log (the shared fixture's is local-host.log).</summary>
    public string LogName { get; init; } = "local-host";

    /// <summary>What the host logged (timers, sweep, queue handlers); <see cref="HostLogFile.Tail"/> it into a failure message.</summary>
    public HostLogFile HostLog { get; private set; } = null!;

    /// <summary>Settings and services every host of this fixture starts with (a fixture of its own: a test clock, timers that never fire).</summary>
    public IDictionary<string, string?>? HostSettings { get; init; }

    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? HostServices { get; init; }

    /// <summary>The browser every browser test of this fixture leases (<see cref="SharedChromium"/>).</summary>
    public SharedChromium Chromium { get; } = new();

    /// <summary>The emulator under the host (tests that pause or stop storage use their own fixture instance).</summary>
    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite not started.");

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        await Smtp.InitializeAsync();
        await Webhook.InitializeAsync();
        await StartHostAsync();
    }

    /// <summary>Starts a host over this fixture's Azurite and SMTP server; <paramref name="overrides"/> replace settings.</summary>
    public async Task StartHostAsync(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["LocalHost:Url"] = "http://127.0.0.1:0",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "reports@weidu.example.gov.cn",
            ["Mail:DropFolder"] = MailDrop,
            ["Webhook:Url"] = Webhook.Url.ToString(),
            ["Notifications:RetrySchedule"] = RetrySchedule,
            ["NotificationSweepSchedule"] = "*/2 * * * * *",
        };
        foreach (var (name, value) in (HostSettings ?? new Dictionary<string, string?>()).Concat(overrides ?? new Dictionary<string, string?>()))
            settings[name] = value;
        HostLog ??= new HostLogFile(LogName);
        // One host, whose log also goes to the file: the local host's debug lines (each timer firing), not the HTTP client's
        // per-request ones. (A second host used to be created here and left behind, never started nor disposed.)
        Host = await LocalHostApp.CreateAsync([], settings, logging => logging.AddProvider(HostLog)
            .AddFilter<HostLogFile>("Reporting.LocalHost", LogLevel.Debug)
            .AddFilter<HostLogFile>("System.Net.Http.HttpClient", LogLevel.Warning), services: HostServices);
        await Host.StartAsync();
        Storage = (StorageClients)Host.Services.GetService(typeof(StorageClients))!;
        // One handler for every client; no cookie container, so one client's sign-in never leaks into another's requests.
        _handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        Anonymous = NewClient(null);
        Http = ClientAs("kgj-author");
    }

    /// <summary>Stops the host as a shutdown does: work in progress is cancelled, not completed.</summary>
    public async Task StopHostAsync()
    {
        DisposeClients();
        await Host.DisposeAsync();
        Host = null!;
    }

    /// <summary>Every client is bound to the host's address, which a restarted host does not keep.</summary>
    private void DisposeClients()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _clients.Clear();
        Anonymous?.Dispose();
        _handler?.Dispose();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        DisposeClients();
        if (Host is not null) await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        await Webhook.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
        HostLog?.Dispose();
    }

    /// <summary>A client signed in as <paramref name="userId"/> through the development sign-in's X-Dev-User header (kgj-author, kgj-approver, office,
    /// …).</summary>
    public HttpClient ClientAs(string userId) => _clients.GetOrAdd(userId, NewClient);

    private HttpClient NewClient(string? userId)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (userId is not null) client.DefaultRequestHeaders.Add(DevelopmentSignIn.HeaderName, userId);
        return client;
    }

    /// <summary>The department's development author; for a department value that cannot name a user (bad-input tests), 科工局's.</summary>
    public static string AuthorOf(string department) => Membership.IsUserId($"{department}-author") ? $"{department}-author" : "kgj-author";
    public static string ApproverOf(string department) => $"{department}-approver";
    public const string Office = "office";

    /// <summary>Signs <paramref name="userId"/> in as a browser does (the sign-in page's form, posted from the page); returns the Cookie header to
    /// send.</summary>
    public async Task<string> SignInCookieAsync(string userId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dev/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = userId }),
        };
        request.Headers.Add("Origin", Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await Anonymous.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"sign-in {userId}: {(int)response.StatusCode}");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return cookie[..cookie.IndexOf(';')];
    }

    /// <summary>Submits one part as <paramref name="asUser"/> (default: the department's author).</summary>
    public Task<HttpResponseMessage> SubmitAsync(string year, string department, string section, string body, string? asUser = null) =>
        ClientAs(asUser ?? AuthorOf(department)).PostAsync("api/drafts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["year"] = year, ["department"] = department, ["section"] = section, ["body"] = body,
        }));

    public async Task<int> SubmitOkAsync(int year, string department, string section, string body, string? asUser = null)
    {
        using var response = await SubmitAsync(year.ToString(), department, section, body, asUser);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit {section}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>Submits the fixture's five required parts as the department's author, then (unless told not to) approves each as its approver; returns the
    /// draft versions.</summary>
    public async Task<Dictionary<string, int>> SubmitFixtureAsync(int year, string department, bool approve = true)
    {
        var versions = new Dictionary<string, int>();
        foreach (var section in FixtureReport.RequiredSections)
            versions[section] = await SubmitOkAsync(year, department, section, FixtureReport.Parts[section]);
        if (approve)
            foreach (var section in FixtureReport.RequiredSections)
                await ApproveOkAsync(year, department, section, versions[section]);
        return versions;
    }

    /// <summary>Decides on a draft as <paramref name="asUser"/> (default: the department's approver).</summary>
    public Task<HttpResponseMessage> DecideAsync(int year, string department, string section, int version, string decision, string? asUser = null,
        string comment = "同意") =>
        ClientAs(asUser ?? ApproverOf(department)).PostAsync($"api/reports/{year}/{department}/sections/{section}/drafts/{version}/approval",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = comment }));

    public async Task<JsonElement> ApproveOkAsync(int year, string department, string section, int version, string? asUser = null)
    {
        using var response = await DecideAsync(year, department, section, version, "approve", asUser);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"approve {section} v{version}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GET reports/{year}/{department} as <paramref name="asUser"/> (default: the district office, who may read every report).</summary>
    public async Task<JsonElement> GetReportAsync(int year, string department, string asUser = Office)
    {
        var text = await ClientAs(asUser).GetStringAsync($"api/reports/{year}/{department}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// The last-resort bound of a wait for the host's background work (a PDF assembled, queues drained) when a test names
    /// none: generous, since on a shared two-core machine with the other end-to-end tests beside it that work queues behind them.
    /// </summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(3);

    /// <summary>Polls the report until <paramref name="done"/> holds; bounded by <paramref name="timeout"/> (default <see cref="DefaultWait"/>).</summary>
    public async Task<JsonElement> WaitForReportAsync(int year, string department, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        JsonElement report;
        do
        {
            report = await GetReportAsync(year, department);
            if (done(report)) return report;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException(
            $"Report {year}/{department} did not reach the expected state: {report}\n{HostLogAbout($"{year}-{department}-", $"{year}/{department}")}");
    }

    /// <summary>For a failure message: the host's recent lines that mention any of <paramref name="keys"/>, and its warnings and errors.</summary>
    public string HostLogAbout(params string[] keys) =>
        HostLog.Tail(line => keys.Any(k => line.Contains(k, StringComparison.Ordinal)) || line.Contains(" Warn ", StringComparison.Ordinal)
            || line.Contains(" Erro ", StringComparison.Ordinal) || line.Contains(" Crit ", StringComparison.Ordinal));

    public static bool VersionNotified(JsonElement report, int version) =>
        report.GetProperty("versions").EnumerateArray().Any(v => v.GetProperty("version").GetInt32() == version
            && v.GetProperty("status").GetString() == "assembled" && v.GetProperty("notifiedAt").ValueKind != JsonValueKind.Null);

    /// <summary>
    /// Waits until both work queues hold no message at all, visible or not (a message is deleted only after its handler
    /// finished, and a scheduled retry counts too); fails loudly if they do not drain by the deadline.
    /// </summary>
    public async Task WaitForQueuesToDrainAsync(TimeSpan? timeout = null)
    {
        var queues = new[] { Storage.Options.AssemblyQueue, Storage.Options.NotificationQueue, Storage.Options.YearEndQueue }
            .Select(Storage.Queues.GetQueueClient).ToList();
        var counts = new int[queues.Count];
        await Eventually.HoldsAsync(async () =>
        {
            for (var i = 0; i < queues.Count; i++) counts[i] = (await queues[i].GetPropertiesAsync()).Value.ApproximateMessagesCount;
            return counts.All(c => c == 0);
        }, timeout ?? DefaultWait,
            () => $"the work queues did not drain: {string.Join(", ", queues.Select((q, i) => $"{q.Name} {counts[i]}"))}\n{HostLog.Tail(_ => true)}");
    }

    /// <summary>
    /// 立即汇编 as an API client does it: POST year-end (202 Accepted, Location: the run's status), then the status until the
    /// run is finished; returns the finished status (state done or failed, the outcome, the volume).
    /// </summary>
    public async Task<JsonElement> RunYearEndAsync(int year, string asUser = Office)
    {
        using var posted = await ClientAs(asUser).PostAsync($"api/reports/{year}/year-end", null);
        var text = await posted.Content.ReadAsStringAsync();
        if (posted.StatusCode != HttpStatusCode.Accepted || posted.Headers.Location is null)
            throw new InvalidOperationException($"POST year-end {year}: {(int)posted.StatusCode} {text}");
        return await WaitForYearEndRunAsync(posted.Headers.Location, asUser);
    }

    /// <summary>Follows a queued year-end run's status resource until its state is done or failed.</summary>
    public async Task<JsonElement> WaitForYearEndRunAsync(Uri status, string asUser = Office)
    {
        var run = default(JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            run = JsonDocument.Parse(await ClientAs(asUser).GetStringAsync(status)).RootElement.Clone();
            return run.GetProperty("state").GetString() is "done" or "failed";
        }, DefaultWait, () => $"the year-end run {status} did not finish: {run}\n{HostLogAbout("year-end", "Year-end", "CompileYearEnd")}");
        return run;
    }

    /// <summary>The notification object of PDF <paramref name="version"/> in a report's status, or null before its notice exists.</summary>
    public static JsonElement? Notification(JsonElement report, int version)
    {
        var pdf = report.GetProperty("versions").EnumerateArray().FirstOrDefault(v => v.GetProperty("version").GetInt32() == version);
        return pdf.ValueKind == JsonValueKind.Object && pdf.GetProperty("notification").ValueKind == JsonValueKind.Object ? pdf.GetProperty("notification")
            : null;
    }

    /// <summary>Every row of the drafts table: to prove that refused input stored nothing.</summary>
    public async Task<int> CountDraftRowsAsync()
    {
        var count = 0;
        await foreach (var _ in Storage.Table(Storage.Options.DraftsTable).QueryAsync<TableEntity>(select: ["RowKey"])) count++;
        return count;
    }

    /// <summary>
    /// Every stored thing whose key mentions <paramref name="scope"/> (a year no other test uses): table rows with
    /// their ETags, blob names and queued messages. Equal snapshots before and after a refused request prove it
    /// stored nothing, without being disturbed by other tests' background work.
    /// </summary>
    public async Task<List<string>> SnapshotStorageAsync(string scope)
    {
        var options = Storage.Options;
        var things = new List<string>();
        foreach (var table in new[] { options.DraftsTable, options.ReportsTable, options.AuditTable, options.OutboxTable, options.YearEndTable })
            await foreach (var row in Storage.Table(table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                if ($"{row.PartitionKey}/{row.RowKey}".Contains(scope, StringComparison.Ordinal)) things.Add(
                    $"{table}:{row.PartitionKey}/{row.RowKey}@{row.ETag}");
        things.AddRange((await ListBlobsAsync(scope)).Select(b => "blob:" + b));
        foreach (var queue in new[] { options.AssemblyQueue, options.NotificationQueue })
        {
            var client = Storage.Queues.GetQueueClient(queue);
            if (!(await client.ExistsAsync()).Value) continue;
            foreach (var message in (await client.PeekMessagesAsync(32)).Value)
                if (QueueText(message.MessageText).Contains(scope, StringComparison.Ordinal)) things.Add($"queue:{queue}:{message.MessageId}");
        }
        things.Sort(StringComparer.Ordinal);
        return things;
    }

    /// <summary>Queue messages are Base64 (host.json messageEncoding); anything else is read as it is.</summary>
    private static string QueueText(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length) ? System.Text.Encoding.UTF8.GetString(bytes, 0, length) : text;
    }

    public async Task<List<string>> ListBlobsAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Storage.Blobs.GetBlobContainerClient(Storage.Options.ReportsContainer)
            .GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, prefix,
                CancellationToken.None)) names.Add(blob.Name);
        return names;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "local host";
}
