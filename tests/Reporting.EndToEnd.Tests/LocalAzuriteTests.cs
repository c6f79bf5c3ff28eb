using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Reporting.Development.Emulator;
using Reporting.LocalHost;
using Reporting.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The local host's own Azurite (no storage configured): it dies with the host, is stopped when the start fails, an
/// orphan over the same data folder is stopped by the next start, and what it acknowledged survives its own SIGKILL.
/// Each test has its own data folder and ports.
/// </summary>
public sealed class LocalAzuriteTests(ITestOutputHelper output)
{
    /// <summary>How long an Azurite may take to go once its host is gone (the launcher looks every second, then Azurite saves and exits).</summary>
    private static readonly TimeSpan GoneWithin = TimeSpan.FromSeconds(90);

    private static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "reporting-azurite-" + Guid.NewGuid().ToString("N"));

    private static Dictionary<string, string?> OwnAzurite(string data, string ports = "free") => new()
    {
        ["AzureWebJobsStorage"] = "",
        ["LocalHost:AzuriteData"] = data,
        ["LocalHost:AzuritePorts"] = ports,
        ["LocalHost:Url"] = "http://127.0.0.1:0",
        ["Mail:DropFolder"] = Path.Combine(data, "mail"),
    };

    private static async Task AssertGoneAsync(int processId, string what) =>
        await Eventually.HoldsAsync(() => Task.FromResult(!RunningAzurite.IsAlive(processId)), GoneWithin, $"{what}: Azurite (process {processId}) still runs");

    /// <summary>An Azurite a failed test left over <paramref name="data"/> is killed, and the folder goes.</summary>
    private static void RemoveAll(string data)
    {
        if (RunningAzurite.Over(data) is { } left) PosixSignal.Send(left.ProcessId, PosixSignal.Kill);
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_local_host_killed_with_sigkill_takes_its_azurite_with_it()
    {
        var data = NewDataFolder();
        Directory.CreateDirectory(data);
        var app = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var dll = Path.Combine(RepoPaths.Root, "src", "Reporting.LocalHost", "bin", app.Parent!.Name, app.Name, "Reporting.LocalHost.dll");
        Assert.True(File.Exists(dll), $"build the local host first: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (name, value) in OwnAzurite(data)) start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var host = Process.Start(start)!;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        host.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lines.Enqueue(line.Data);
            if (line.Data.Contains("提交表单", StringComparison.Ordinal)) started.TrySetResult();
        };
        host.ErrorDataReceived += (_, line) => { if (line.Data is not null) lines.Enqueue(line.Data); };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            // The banner comes once Azurite answers and the host listens.
            await started.Task.WaitAsync(TimeSpan.FromMinutes(3))
                .ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, "the local host did not print its banner:\n" + string.Join("\n", lines)));
            var azurite = RunningAzurite.Over(data);
            Assert.True(azurite is not null, "no Azurite over the host's data folder");
            Assert.Equal(host.Id, azurite.ParentId);

            host.Kill(); // SIGKILL: the host cannot stop anything.
            var killed = Stopwatch.StartNew();
            await AssertGoneAsync(azurite.ProcessId, "the host was killed");
            output.WriteLine($"Azurite {azurite.ProcessId} gone {killed.Elapsed.TotalSeconds:F1} s after its host was killed");
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            RemoveAll(data);
        }
    }

    [Fact]
    public async Task A_local_host_whose_start_fails_leaves_no_azurite_behind()
    {
        var data = NewDataFolder();
        var settings = OwnAzurite(data);
        settings["Smtp:Security"] = "Tls13"; // refused by the settings check, which runs once Azurite is up
        try
        {
            await Assert.ThrowsAsync<Reporting.Functions.InvalidSettingsException>(() => LocalHostApp.CreateAsync([], settings));

            Assert.Null(RunningAzurite.Over(data));
        }
        finally
        {
            RemoveAll(data);
        }
    }

    [Fact]
    public async Task An_orphaned_azurite_on_the_ports_is_reported_and_stopped_by_the_next_start()
    {
        var data = NewDataFolder();
        var (blob, queue, table) = (LoopbackPorts.Next(), LoopbackPorts.Next(), LoopbackPorts.Next());
        // An Azurite as the local host started it before the launcher, whose parent (the shell) is gone at once.
        var azurite = AzuriteProcess.FindExecutable()!;
        using (var shell = Process.Start("sh", ["-c", $"'{azurite}' --silent --location '{data}' --blobHost 127.0.0.1 --blobPort {blob} " +
                   $"--queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table} >/dev/null 2>&1 &"]))
            await shell.WaitForExitAsync();
        using var log = new HostLogFile($"{nameof(LocalAzuriteTests)}.orphan");
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(LoopbackPorts.IsListenedOn(table)), TimeSpan.FromMinutes(3),
                $"the orphan Azurite did not listen on {table}");
            var orphan = RunningAzurite.Over(data)!;
            Assert.True(orphan.IsOrphan, $"the test's Azurite has a parent: {orphan}");

            await using var host = await LocalHostApp.CreateAsync([], OwnAzurite(data, $"{blob},{queue},{table}"), logging => logging.AddProvider(log));

            Assert.False(RunningAzurite.IsAlive(orphan.ProcessId), "the orphan still runs");
            Assert.Equal((blob, queue, table), (host.Azurite!.BlobPort, host.Azurite.QueuePort, host.Azurite.TablePort));
            Assert.Equal(host.Azurite.ProcessId, RunningAzurite.Over(data)?.ProcessId);
            var said = log.Tail(line => line.Contains($"发现上次遗留的 Azurite（进程 {orphan.ProcessId}", StringComparison.Ordinal));
            Assert.Contains(data, said);
        }
        finally
        {
            RemoveAll(data);
        }
    }

    [Fact]
    public async Task Ports_held_by_another_program_give_way_to_free_ones_and_the_log_says_so()
    {
        var data = NewDataFolder();
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var taken = ((IPEndPoint)other.LocalEndpoint).Port;
        using var log = new HostLogFile($"{nameof(LocalAzuriteTests)}.taken");
        try
        {
            await using var host = await LocalHostApp.CreateAsync([], OwnAzurite(data, $"{taken},{LoopbackPorts.Next()},{LoopbackPorts.Next()}"),
                logging => logging.AddProvider(log));

            Assert.NotEqual(taken, host.Azurite!.BlobPort);
            Assert.Contains($"本次 Azurite 改用空闲端口 {host.Azurite.BlobPort}",
                log.Tail(line => line.Contains($"端口 {taken} 已被其他程序占用", StringComparison.Ordinal)));
        }
        finally
        {
            RemoveAll(data);
        }
    }

    [Fact]
    public async Task A_data_folder_in_use_by_a_running_host_is_refused_with_a_message_naming_it()
    {
        var data = NewDataFolder();
        try
        {
            await using var running = await AzuriteProcess.StartAsync(data);

            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostApp.CreateAsync([], OwnAzurite(data)));

            Assert.Contains($"数据目录 {data} 已由另一个 Azurite 使用（进程 {running.ProcessId}", e.Message);
            Assert.True(RunningAzurite.IsAlive(running.ProcessId), "the running Azurite was stopped");
        }
        finally
        {
            RemoveAll(data);
        }
    }

    [Fact]
    public async Task Drafts_acknowledged_before_azurite_is_killed_survive_its_restart_and_keep_their_version_numbers()
    {
        const int year = 2009;
        const int perPart = 8;
        var data = NewDataFolder();
        var env = new LocalHostFixture { LogName = $"{nameof(LocalAzuriteTests)}.durability" };
        var ownAzurite = OwnAzurite(data);
        ownAzurite.Remove("LocalHost:Url");
        ownAzurite.Remove("Mail:DropFolder");
        try
        {
            await env.InitializeAsync();
            await env.StopHostAsync();
            await env.StartHostAsync(ownAzurite);
            // Four parts written at once, so Azurite answers while other writes are in flight; the kill follows the last answer.
            var parts = new[] { ("mzj", "duty"), ("mzj", "plans"), ("rsj", "duty"), ("rsj", "plans") };
            var written = (await Task.WhenAll(parts.Select(async part =>
            {
                var mine = new List<(string Department, string Section, int Version, string Body)>();
                for (var i = 0; i < perPart; i++)
                {
                    var body = $"{part.Item1} {part.Item2} 第 {i + 1} 稿：{Guid.NewGuid():N}";
                    mine.Add((part.Item1, part.Item2, await env.SubmitOkAsync(year, part.Item1, part.Item2, body), body));
                }
                return mine;
            }))).SelectMany(w => w).ToList();
            var azurite = env.Host.Azurite!.ProcessId;
            Assert.True(PosixSignal.Send(azurite, PosixSignal.Kill), "Azurite was not running");
            await AssertGoneAsync(azurite, "SIGKILL");

            await env.StopHostAsync();
            await env.StartHostAsync(ownAzurite);

            var lost = new List<string>();
            foreach (var (department, section, version, body) in written)
            {
                using var response = await env.ClientAs(LocalHostFixture.Office)
                    .GetAsync($"api/reports/{year}/{department}/sections/{section}/drafts/{version}");
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || JsonDocument.Parse(text).RootElement.GetProperty("body").GetString() != body)
                    lost.Add($"{department} {section} v{version}");
            }
            output.WriteLine($"{written.Count - lost.Count} of {written.Count} acknowledged drafts survived Azurite's SIGKILL");
            Assert.True(lost.Count == 0, $"{lost.Count} of {written.Count} acknowledged drafts lost: {string.Join(", ", lost)}");
            // The next draft of a part takes the number after the last acknowledged one, never one already given out.
            foreach (var (department, section) in parts)
                Assert.Equal(perPart + 1, await env.SubmitOkAsync(year, department, section, "杀死 Azurite 之后的下一稿。"));
        }
        finally
        {
            await env.DisposeAsync();
            RemoveAll(data);
        }
    }
}
