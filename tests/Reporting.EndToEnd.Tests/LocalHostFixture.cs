using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using Reporting.Azure.Emulator;
using Reporting.Azure.Storage;
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
    public HttpClient Http { get; private set; } = null!;
    public StorageClients Storage { get; private set; } = null!;
    public string MailDrop { get; } = Path.Combine(Path.GetTempPath(), "reporting-e2e-mail-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        await Smtp.InitializeAsync();
        await Webhook.InitializeAsync();
        Host = await LocalHostApp.CreateAsync([], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["LocalHost:Url"] = "http://127.0.0.1:0",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "reports@weidu.example.gov.cn",
            ["Mail:DropFolder"] = MailDrop,
            ["Webhook:Url"] = Webhook.Url.ToString(),
            ["Notifications:RetrySchedule"] = RetrySchedule,
            ["NotificationSweepSchedule"] = "*/2 * * * * *",
        });
        await Host.StartAsync();
        Storage = (StorageClients)Host.Services.GetService(typeof(StorageClients))!;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        await Webhook.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    public Task<HttpResponseMessage> SubmitAsync(string year, string department, string section, string author, string body) =>
        Http.PostAsync("api/drafts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["year"] = year, ["department"] = department, ["section"] = section, ["author"] = author, ["body"] = body,
        }));

    public async Task<int> SubmitOkAsync(int year, string department, string section, string body, string author = "张三")
    {
        using var response = await SubmitAsync(year.ToString(), department, section, author, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit {section}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>Submits the fixture's five required parts, then (unless told not to) approves each; returns the draft versions.</summary>
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

    public Task<HttpResponseMessage> DecideAsync(int year, string department, string section, int version, string decision, string reviewer = "李四", string comment = "同意") =>
        Http.PostAsync($"api/reports/{year}/{department}/sections/{section}/drafts/{version}/approval",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision, ["reviewer"] = reviewer, ["comment"] = comment }));

    public async Task<JsonElement> ApproveOkAsync(int year, string department, string section, int version)
    {
        using var response = await DecideAsync(year, department, section, version, "approve");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"approve {section} v{version}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetReportAsync(int year, string department)
    {
        var text = await Http.GetStringAsync($"api/reports/{year}/{department}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls the report until <paramref name="done"/> holds; bounded by <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForReportAsync(int year, string department, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonElement report;
        do
        {
            report = await GetReportAsync(year, department);
            if (done(report)) return report;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Report {year}/{department} did not reach the expected state: {report}");
    }

    public static bool VersionNotified(JsonElement report, int version) =>
        report.GetProperty("versions").EnumerateArray().Any(v => v.GetProperty("version").GetInt32() == version
            && v.GetProperty("status").GetString() == "assembled" && v.GetProperty("notifiedAt").ValueKind != JsonValueKind.Null);

    /// <summary>
    /// Waits until both work queues hold no message at all, visible or not (a message is deleted only after its handler
    /// finished, and a scheduled retry counts too); fails loudly if they do not drain by the deadline.
    /// </summary>
    public async Task WaitForQueuesToDrainAsync(TimeSpan? timeout = null)
    {
        var queues = new[] { Storage.Options.AssemblyQueue, Storage.Options.NotificationQueue }.Select(Storage.Queues.GetQueueClient).ToList();
        var counts = new int[queues.Count];
        await Eventually.HoldsAsync(async () =>
        {
            for (var i = 0; i < queues.Count; i++) counts[i] = (await queues[i].GetPropertiesAsync()).Value.ApproximateMessagesCount;
            return counts.All(c => c == 0);
        }, timeout ?? TimeSpan.FromSeconds(60), () => $"the work queues did not drain: {string.Join(", ", queues.Select((q, i) => $"{q.Name} {counts[i]}"))}");
    }

    /// <summary>The notification object of PDF <paramref name="version"/> in a report's status, or null before its notice exists.</summary>
    public static JsonElement? Notification(JsonElement report, int version)
    {
        var pdf = report.GetProperty("versions").EnumerateArray().FirstOrDefault(v => v.GetProperty("version").GetInt32() == version);
        return pdf.ValueKind == JsonValueKind.Object && pdf.GetProperty("notification").ValueKind == JsonValueKind.Object ? pdf.GetProperty("notification") : null;
    }

    /// <summary>Every row of the drafts table: to prove that refused input stored nothing.</summary>
    public async Task<int> CountDraftRowsAsync()
    {
        var count = 0;
        await foreach (var _ in Storage.Table(Storage.Options.DraftsTable).QueryAsync<TableEntity>(select: ["RowKey"])) count++;
        return count;
    }

    public async Task<List<string>> ListBlobsAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Storage.Blobs.GetBlobContainerClient(Storage.Options.ReportsContainer).GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None)) names.Add(blob.Name);
        return names;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "local host";
}
