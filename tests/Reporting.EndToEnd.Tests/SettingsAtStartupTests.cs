using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reporting.Functions;
using Reporting.LocalHost;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>A wrong setting stops the app at start-up with a zh-CN message naming it; it never reaches a caller.</summary>
public sealed class SettingsAtStartupTests
{
    // Well-formed but never contacted: settings are checked without a network call.
    private const string Storage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;"
        + "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    private static Dictionary<string, string?> Good() => new()
    {
        ["AzureWebJobsStorage"] = Storage,
        ["Reporting:DirectoryFile"] = RepoPaths.Fixture("departments.json"),
    };

    private static string TempFile(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "reporting-settings-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string, string, string?, string> BadSettings => new()
    {
        // case, configuration key, value, the setting the message must name
        { "directory file missing", "Reporting:DirectoryFile", "/nonexistent/departments.json", "Reporting__DirectoryFile" },
        { "directory file not JSON", "Reporting:DirectoryFile", TempFile("{ departments: [ "), "Reporting__DirectoryFile" },
        {
            "directory file without departments", "Reporting:DirectoryFile",
            TempFile("""{ "district": "魏都区", "office": { "name": "区政府办", "email": "o@example.gov.cn" }, "departments": [] }"""), "Reporting__DirectoryFile"
        },
        { "storage URI not a URI", "AzureWebJobsStorage", null, "AzureWebJobsStorage" },
        { "SMTP security mode unknown", "Smtp:Security", "Tls13", "Smtp__Security" },
        { "SMTP timeout zero", "Smtp:Timeout", "00:00:00", "Smtp__Timeout" },
        { "webhook timeout negative", "Webhook:Timeout", "-00:00:05", "Webhook__Timeout" },
        // An attempt could then outlive its outbox claim, and a retry overlap it.
        { "SMTP timeout longer than half the notice claim", "Smtp:Timeout", "00:01:30", "Reporting__NotificationClaimLifetime" },
        { "font file missing", "Typesetting:Fonts:FangSong:File", "/nonexistent/font.ttf", "Typesetting__Fonts" },
    };

    private static Dictionary<string, string?> With(string key, string? value)
    {
        var settings = Good();
        settings[key] = value;
        // The identity-based form of storage: service URIs instead of a connection string.
        if (key == "AzureWebJobsStorage")
        {
            settings["AzureWebJobsStorage:blobServiceUri"] = "blob-service-without-scheme";
            settings["AzureWebJobsStorage:queueServiceUri"] = "https://example.queue.core.windows.net";
            settings["AzureWebJobsStorage:tableServiceUri"] = "https://example.table.core.windows.net";
        }
        return settings;
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_stops_the_composition_with_a_chinese_message_naming_it(string @case, string key, string? value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(With(key, value)).Build();

        var e = Assert.Throws<InvalidSettingsException>(() => new ServiceCollection().AddReporting(configuration));

        Assert.StartsWith("应用配置有误，无法启动", e.Message);
        Assert.True(e.Message.Contains(named, StringComparison.Ordinal), $"{@case}: the message does not name {named}: {e.Message}");
    }

    [Fact]
    public void Good_settings_compose()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Good()).Build();

        using var services = new ServiceCollection().AddLogging().AddReporting(configuration).BuildServiceProvider();

        Assert.NotNull(services.GetService<Reporting.Core.Directory.DistrictDirectory>());
    }

    [Fact]
    public async Task A_setting_changed_after_composition_still_stops_the_host_at_start_with_a_chinese_message_naming_it()
    {
        // The options are bound from configuration and validated again when the host starts (ValidateOnStart): a value
        // that arrives after AddReporting checked the settings, from a later source or an override, is refused too.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Good());
        builder.Services.AddLogging().AddReporting(builder.Configuration);
        builder.Configuration["Smtp:Security"] = "Tls13";
        builder.Configuration["Mail:AttachPdfMaxBytes"] = "0";
        using var host = builder.Build();

        var e = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var failures = (e as AggregateException)?.InnerExceptions ?? [e];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        Assert.Contains("Smtp__Security：“Tls13”不是可用的加密方式", e.Message);
        Assert.Contains("Mail__AttachPdfMaxBytes：附件上限 0 须为正数（字节）", e.Message);
    }

    [Fact]
    public async Task The_local_host_does_not_start_with_a_bad_setting()
    {
        var e = await Assert.ThrowsAsync<InvalidSettingsException>(() => LocalHostApp.CreateAsync([], With("Smtp:Security", "Tls13")));

        Assert.Contains("Smtp__Security", e.Message);
        Assert.Contains("“Tls13”不是可用的加密方式", e.Message);
    }
}
