using System.Text;
using System.Text.RegularExpressions;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>
/// Core speaks in types and codes; what people read is worded in the app layer. So Core's code, comments stripped, holds no
/// Chinese characters, ideographs or full-width punctuation (the punctuation the parsing reads is named by its code point in
/// Documents/Punctuation): the documents' words (titles, file names, the date as written, the template's part headings and their
/// numerals) are asked for through its wording ports (IDocumentWording, ITemplateWording) and worded in zh-CN by
/// Reporting.Typesetting's DocumentWords; status words and audit texts are worded by the app. The scan is shown to look at Core
/// (ReportTemplate.cs, whose comments name the regulation in Chinese, is among the files read, and those comments are seen
/// before they are stripped), so an empty finding is a finding.
/// </summary>
public sealed partial class CoreHoldsNoChineseTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "src", "Reporting.Core");

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}]")]
    private static partial Regex Chinese();

    [Fact]
    public void Core_code_without_its_comments_holds_no_chinese()
    {
        var sources = Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToList();
        var template = Assert.Single(sources, f => f.EndsWith("/Templates/ReportTemplate.cs", StringComparison.Ordinal));  // the scan looks where Core is
        Assert.Matches(Chinese(), File.ReadAllText(template));  // and reads what it scans: the template's comments name the regulation

        var found = sources
            .SelectMany(f => WithoutComments(File.ReadAllText(f)).Split('\n')
                .Select((line, index) => (Line: $"{Path.GetRelativePath(Project, f)}:{index + 1}: {line.Trim()}", Chinese: Chinese().IsMatch(line))))
            .Where(l => l.Chinese)
            .Select(l => l.Line)
            .ToList();

        Assert.True(found.Count == 0, "Chinese in Core's code (word it in the app layer or behind a wording port):\n" + string.Join('\n', found));
    }

    [Fact]
    public void Full_width_punctuation_counts_and_its_code_point_written_out_does_not()
    {
        Assert.Matches(Chinese(), "office.Salutation + \"：\"");
        Assert.Matches(Chinese(), "line.Contains('。')");
        Assert.DoesNotMatch(Chinese(), "line.Contains('\\u3002') || line.EndsWith(':')");
    }

    [Fact]
    public void Comments_are_stripped_and_strings_are_kept_whatever_they_hold()
    {
        const string source = """"
            /// <summary>文档注释</summary>
            var a = "代码"; // 行尾注释
            /* 块注释 "不是字符串" */ var b = @"逐字""字符串"; var c = '字';
            var d = $"https://例子/{a}"; var e = "\"//引号\"";
            var f = """
                原始字符串 // 仍是字符串
                """;
            """";
        var lines = WithoutComments(source).Split('\n');

        Assert.Equal([false, true, true, true, false, true, false], lines.Select(l => Chinese().IsMatch(l)));
        Assert.DoesNotContain("注释", string.Join('\n', lines), StringComparison.Ordinal);
    }

    /// <summary>
    /// The source with its comments (<c>//</c>, <c>///</c>, <c>/* */</c>) blanked and its line breaks kept; string and character
    /// literals (regular, verbatim, raw) are kept as written, so a <c>//</c> inside a string is no comment.
    /// </summary>
    private static string WithoutComments(string source)
    {
        var text = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
            }
            else if (c == '/' && next == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                text.Append(new string('\n', source[i..end].Count(ch => ch == '\n')));
                i = end;
            }
            else if (c == '"' && next == '"' && i + 2 < source.Length && source[i + 2] == '"')
            {
                var quotes = 0;
                while (i + quotes < source.Length && source[i + quotes] == '"') quotes++;
                var end = source.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + quotes;
                text.Append(source, i, end - i);
                i = end;
            }
            else if (c is '"' or '\'')
            {
                var verbatim = i > 0 && source[i - 1] == '@' || i > 1 && source[i - 1] == '$' && source[i - 2] == '@';
                var end = i + 1;
                while (end < source.Length)
                {
                    if (!verbatim && source[end] == '\\') end += 2;
                    else if (verbatim && source[end] == '"' && end + 1 < source.Length && source[end + 1] == '"') end += 2;
                    else if (source[end] == c || source[end] == '\n' && !verbatim) break;
                    else end++;
                }
                end = Math.Min(end + 1, source.Length);
                text.Append(source, i, end - i);
                i = end;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return text.ToString();
    }
}
