using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Reporting.Azure.Storage;
using Reporting.Development.Emulator;
using Reporting.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Faults of the host and of storage. Each test has its own Azurite and host (a fixture instance of its own),
/// since it stops, pauses or kills them.
/// </summary>
public sealed class HostFaultTests(ITestOutputHelper output)
{
    private static async Task<T> WithOwnHostAsync<T>(Func<LocalHostFixture, Task<T>> test, [CallerMemberName] string name = "")
    {
        var env = new LocalHostFixture { LogName = $"{nameof(HostFaultTests)}.{name}" };
        try
        {
            await env.InitializeAsync();
            return await test(env);
        }
        finally
        {
            await env.DisposeAsync();
        }
    }

    private static JsonElement Pdf(JsonElement report) => report.GetProperty("versions").EnumerateArray().Single();

    [Fact]
    public async Task A_host_stopped_mid_assembly_is_followed_by_a_new_host_that_assembles_within_seconds()
    {
        const int year = 2008;
        const string department = "kgj";
        var recovered = await WithOwnHostAsync(async env =>
        {
            var versions = await env.SubmitFixtureAsync(year, department, approve: false);
            foreach (var section in FixtureReport.RequiredSections[..^1]) await env.ApproveOkAsync(year, department, section, versions[section]);

            // Host A reaches blob storage through a relay that freezes, so its assembly cannot finish.
            await env.StopHostAsync();
            await using var relay = new StallingProxy(env.Azurite.BlobPort);
            await env.StartHostAsync(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = env.Azurite.ConnectionString.Replace($":{env.Azurite.BlobPort}/", $":{relay.Port}/", StringComparison.Ordinal),
            });
            relay.Stall();
            var last = FixtureReport.RequiredSections[^1];
            await env.ApproveOkAsync(year, department, last, versions[last]);
            var started = await env.WaitForReportAsync(year, department,
                r => r.GetProperty("versions").GetArrayLength() == 1 && Pdf(r).GetProperty("assemblingSince").ValueKind == JsonValueKind.String);
            Assert.Equal("pending", Pdf(started).GetProperty("status").GetString());

            var stopped = Stopwatch.StartNew();
            await env.StopHostAsync();
            await env.StartHostAsync();
            var done = await env.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 1), TimeSpan.FromSeconds(90));
            var elapsed = stopped.Elapsed;

            Assert.Single(done.GetProperty("versions").EnumerateArray());
            Assert.True(Pdf(done).GetProperty("assembledAt").GetDateTimeOffset() > Pdf(started).GetProperty("assemblingSince").GetDateTimeOffset());
            return elapsed;
        });

        output.WriteLine($"PDF stored and notified {recovered.TotalSeconds:F1} s after the host that held the work was stopped");
        Assert.True(recovered < TimeSpan.FromSeconds(30), $"the new host took {recovered.TotalSeconds:F1} s to pick the work up");
    }

    [Theory]
    [InlineData("paused", "sfj", 15)]  // SIGSTOP: connections open, nothing answers (each try waits out its network timeout)
    [InlineData("killed", "czj", 5)]   // SIGKILL: connections refused
    public async Task With_storage_unavailable_the_api_answers_503_with_retry_after_within_seconds(string state, string department, int withinSeconds)
    {
        const int year = 2008;
        await WithOwnHostAsync(async env =>
        {
            await env.SubmitOkAsync(year, department, "duty", "第一稿。");
            var signal = state == "paused" ? PosixSignal.Stop : PosixSignal.Kill;
            Assert.True(PosixSignal.Send(env.Azurite.ProcessId, signal), $"could not signal Azurite ({state})");
            try
            {
                await AssertUnavailableAsync(env, year, department, TimeSpan.FromSeconds(withinSeconds), state);
            }
            finally
            {
                PosixSignal.Send(env.Azurite.ProcessId, PosixSignal.Continue);
            }

            if (state == "paused")
            {
                var version = await env.SubmitOkAsync(year, department, "duty", "第二稿。");
                Assert.True(version >= 2, $"version {version} after storage resumed");
            }
            return 0;
        }, $"{nameof(With_storage_unavailable_the_api_answers_503_with_retry_after_within_seconds)}-{state}");
    }

    private async Task AssertUnavailableAsync(LocalHostFixture env, int year, string department, TimeSpan within, string state)
    {
        foreach (var (name, send) in new (string, Func<Task<HttpResponseMessage>>)[]
                 {
                     ("submit", () => env.SubmitAsync(year.ToString(), department, "duty", "第三稿。")),
                     ("status", () => env.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{year}/{department}")),
                 })
        {
            var clock = Stopwatch.StartNew();
            using var response = await send();
            var elapsed = clock.Elapsed;
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"storage {state}: {name} answered {(int)response.StatusCode} in {elapsed.TotalSeconds:F1} s, Retry-After "
                + $"{response.Headers.RetryAfter}: {text}");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal("服务暂时不可用", problem.GetProperty("title").GetString());
            Assert.Contains("存储服务", problem.GetProperty("detail").GetString());
            Assert.True(elapsed < within, $"{name} took {elapsed.TotalSeconds:F1} s with storage {state}");
        }
    }

    [Fact]
    public async Task Stopping_the_host_and_starting_it_again_loses_no_acknowledged_write()
    {
        const int year = 2008;
        var data = Path.Combine(Path.GetTempPath(), "reporting-azurite-" + Guid.NewGuid().ToString("N"));
        // The host starts (and stops) its own Azurite over a data folder, as `dotnet run` does.
        var ownAzurite = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "",
            ["LocalHost:AzuriteData"] = data,
            ["LocalHost:AzuritePorts"] = "free",
        };
        try
        {
            await WithOwnHostAsync(async env =>
            {
                await env.StopHostAsync();
                await env.StartHostAsync(ownAzurite);
                var written = new List<(string Department, string Section, int Version, string Body)>();
                foreach (var department in new[] { "mzj", "rsj", "zjj", "nyj", "swj" })
                    foreach (var section in FixtureReport.RequiredSections)
                    {
                        var body = $"{department} {section}：{Guid.NewGuid():N}";
                        written.Add((department, section, await env.SubmitOkAsync(year, department, section, body), body));
                    }
                // The last writes land just before the stop: what a SIGKILL lost.
                foreach (var (department, section, version, _) in written.Where(w => w.Section == "duty"))
                    await env.ApproveOkAsync(year, department, section, version);

                await env.StopHostAsync();
                await env.StartHostAsync(ownAzurite);

                foreach (var (department, section, version, body) in written)
                {
                    using var response = await env.ClientAs(LocalHostFixture.Office)
                        .GetAsync($"api/reports/{year}/{department}/sections/{section}/drafts/{version}");
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, $"{department} {section} v{version} lost after the restart: {(int)response.StatusCode} {text}");
                    Assert.Equal(body, JsonDocument.Parse(text).RootElement.GetProperty("body").GetString());
                }
                foreach (var department in written.Select(w => w.Department).Distinct())
                {
                    var report = await env.GetReportAsync(year, department);
                    var duty = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "duty");
                    Assert.True(duty.GetProperty("approvedVersion").ValueKind == JsonValueKind.Number,
                        $"the approval of {department} duty was lost after the restart");
                }
                return 0;
            });
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
