using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Core.Templates;

namespace Reporting.Cli;

/// <summary>A year's drafts for the page benchmarks, through the API as the departments' authors and approvers would make them.</summary>
internal static class BenchSeeding
{
    /// <summary>
    /// Every part of every department in <paramref name="versions"/> versions (the fixture's text, marked per version), the
    /// newest approved where <paramref name="approve"/> says so; eight departments at a time.
    /// </summary>
    public static async Task SubmitAsync(HttpClient http, IReadOnlyList<string> departments, IReadOnlyDictionary<string, string> parts, int year,
        int versions, Func<ReportSection, bool> approve)
    {
        using var turns = new SemaphoreSlim(8);
        await Task.WhenAll(departments.Select(async department =>
        {
            await turns.WaitAsync();
            try
            {
                foreach (var section in ReportTemplate.Sections)
                {
                    var newest = 0;
                    for (var v = 1; v <= versions; v++)
                    {
                        var body = (parts.GetValueOrDefault(section.Key) ?? "本部分内容。") + $"\n（第 {v} 稿）";
                        using var submit = FlowBench.As($"{department}-author", new HttpRequestMessage(HttpMethod.Post, "api/drafts")
                        {
                            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                            {
                                ["year"] = year.ToString(), ["department"] = department, ["section"] = section.Key, ["body"] = body,
                            }),
                        });
                        using var submitted = await http.SendAsync(submit);
                        newest = (await submitted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
                    }
                    if (!approve(section)) continue;
                    using var decide = FlowBench.As($"{department}-approver",
                        new HttpRequestMessage(HttpMethod.Post, $"api/reports/{year}/{department}/sections/{section.Key}/drafts/{newest}/approval")
                        {
                            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }),
                        });
                    (await http.SendAsync(decide)).EnsureSuccessStatusCode().Dispose();
                }
            }
            finally
            {
                turns.Release();
            }
        }));
    }
}
