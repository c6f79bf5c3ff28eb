using System.Text;
using System.Text.RegularExpressions;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>
/// Core speaks in types and codes; what people read is worded in the app layer. So Core's code, comments stripped, holds no
/// Chinese characters. The document words (headings, titles, file names, status words, the date as written, audit texts) have
/// not all left yet: <see cref="Remaining"/> names, per file, how many code lines still hold some. It only shrinks: a new line
/// anywhere fails, and so does a file that lost its lines without the allowance following, so the list stays the true list of
/// what is left, and the rule is whole when it is empty. Files are named without their folder, so a move does not touch it.
/// </summary>
public sealed partial class CoreHoldsNoChineseTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "src", "Reporting.Core");

    /// <summary>Code lines with Chinese still in Core, by file name: the document words that are to move behind a wording port.</summary>
    private static readonly Dictionary<string, int> Remaining = new(StringComparer.Ordinal)
    {
        ["ReportTemplate.cs"] = 5,
    };

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Fact]
    public void Core_code_without_its_comments_holds_no_chinese_beyond_the_shrinking_allowance()
    {
        var sources = Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(sources, f => f.EndsWith("ReportTemplate.cs", StringComparison.Ordinal));  // the scan looks where Core is

        var found = sources
            .Select(f => (File: Path.GetFileName(f), Lines: WithoutComments(File.ReadAllText(f)).Split('\n').Count(l => Chinese().IsMatch(l))))
            .Where(f => f.Lines > 0)
            .ToDictionary(f => f.File, f => f.Lines, StringComparer.Ordinal);

        Assert.Equal(Remaining.OrderBy(r => r.Key, StringComparer.Ordinal), found.OrderBy(f => f.Key, StringComparer.Ordinal));
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
