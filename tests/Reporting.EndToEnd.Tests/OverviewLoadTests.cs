using System.Collections.Concurrent;
using System.Diagnostics;
using Reporting.Core.Directory;
using Reporting.Core.Templates;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 全区总览 and the year's JSON under many readers at once, every department with every part in versions: the year is
/// read in a few queries, and a read that is merely slow finishes instead of being answered "storage unavailable".
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class OverviewLoadTests(LocalHostFixture app, ITestOutputHelper output)
{
    private const int Year = 2013;
    private const int Readers = 50;

    [Fact]
    public async Task Fifty_offices_loading_the_overview_of_a_full_year_at_once_all_get_an_answer_without_a_5xx()
    {
        var directory = (DistrictDirectory)app.Host.Services.GetService(typeof(DistrictDirectory))!;
        var departments = directory.Departments.Select(d => d.Code).ToList();
        // Every department's every part in two versions, side by side a few departments at a time.
        using (var turns = new SemaphoreSlim(6))
            await Task.WhenAll(departments.Select(async department =>
            {
                await turns.WaitAsync();
                try
                {
                    foreach (var section in ReportTemplate.Sections)
                        for (var v = 1; v <= 2; v++)
                            await app.SubmitOkAsync(Year, department, section.Key, $"本部分第 {v} 稿的正文。");
                }
                finally
                {
                    turns.Release();
                }
            }));

        foreach (var path in new[] { $"api/overview?year={Year}", $"api/reports/{Year}" })
        {
            var answers = new ConcurrentBag<(int Status, TimeSpan Took)>();
            var office = app.ClientAs(LocalHostFixture.Office);
            await Task.WhenAll(Enumerable.Range(0, Readers).Select(_ => Task.Run(async () =>
            {
                var clock = Stopwatch.StartNew();
                using var response = await office.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                answers.Add(((int)response.StatusCode, clock.Elapsed));
            })));
            var slowest = answers.Max(a => a.Took);
            output.WriteLine($"{path}: {string.Join(" ", answers.GroupBy(a => a.Status).Select(g => $"{g.Key}×{g.Count()}"))}, slowest "
                + $"{slowest.TotalSeconds:F1} s");
            Assert.All(answers, a => Assert.Equal(200, a.Status));
        }

        var page = await app.ClientAs(LocalHostFixture.Office).GetStringAsync($"api/overview?year={Year}");
        Assert.Contains("完成 0 个部门，未完成 24 个", page);
    }
}
