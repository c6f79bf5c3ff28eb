using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Xunit;

namespace Reporting.Core.Tests;

public class ShortTextTests
{
    private static Refusal[] Errors(string value, bool lineBreaks = false)
    {
        var errors = new ValidationErrors();
        ShortText.Validate("author", value, errors, lineBreaks);
        try
        {
            errors.ThrowIfAny();
            return [];
        }
        catch (ReportingException e)
        {
            return e.Errors["author"];
        }
    }

    [Theory]
    [InlineData("王\u0000五", "0000")]
    [InlineData("王\u001B[31m五", "001B")]
    [InlineData("王\u0007五", "0007")]
    [InlineData("王\t五", "0009")]
    [InlineData("王\n五", "000A")]
    [InlineData("王\u0085五", "0085")]
    [InlineData("王\u009B五", "009B")]
    [InlineData("王\u202E五", "202E")]
    [InlineData("王\u2067五", "2067")]
    [InlineData("王\u200B五", "200B")]
    [InlineData("王\u2028五", "2028")]
    [InlineData("王\uD800五", "FFFD")]
    public void A_name_refuses_every_control_or_format_character_naming_it_and_its_position(string name, string hex)
    {
        var message = Assert.Single(Errors(name));
        Assert.Equal(Refusal.Of(RefusalCode.HiddenCharacter, "author", 2, Convert.ToInt32(hex, 16)), message);
    }

    [Fact]
    public void Position_counts_a_supplementary_character_once()
    {
        Assert.Equal(3, Assert.Single(Errors("𠮷王\u0000")).Args[1]);
    }

    [Theory]
    [InlineData("张三")]
    [InlineData("欧阳 娜娜")]
    [InlineData("𠮷野家")]
    [InlineData("Zhang San-Li")]
    public void An_ordinary_name_is_accepted(string name) => Assert.Empty(Errors(name));

    [Fact]
    public void A_comment_may_keep_its_line_breaks_but_nothing_else_invisible()
    {
        Assert.Empty(Errors("第一点。\r\n第二点。", lineBreaks: true));
        Assert.Single(Errors("第一点。\n第二\u0000点。", lineBreaks: true));
    }
}
