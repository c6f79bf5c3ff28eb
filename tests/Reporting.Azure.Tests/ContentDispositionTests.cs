using System.Net.Http.Headers;
using Reporting.Azure.Blobs;
using Xunit;

namespace Reporting.Azure.Tests;

public class ContentDispositionTests
{
    [Fact]
    public void A_chinese_file_name_is_percent_encoded_utf8_in_filename_star_with_an_ascii_fallback()
    {
        var header = ContentDisposition.Attachment("科工局报告（第1版）.pdf");

        Assert.Equal("attachment; filename=\"_______1__.pdf\"; "
            + "filename*=UTF-8''%E7%A7%91%E5%B7%A5%E5%B1%80%E6%8A%A5%E5%91%8A%EF%BC%88%E7%AC%AC1%E7%89%88%EF%BC%89.pdf", header);
    }

    [Theory]
    [InlineData("a \"quoted\" \\ name;%.pdf")]
    [InlineData("𠮷野家 report 2023.pdf")]
    [InlineData("plain-name_1.pdf")]
    public void The_header_parses_back_to_the_same_name_and_is_pure_ascii(string fileName)
    {
        var header = ContentDisposition.Attachment(fileName);

        Assert.All(header, c => Assert.InRange(c, ' ', '~'));
        var parsed = ContentDispositionHeaderValue.Parse(header);
        Assert.Equal("attachment", parsed.DispositionType);
        Assert.Equal(fileName, parsed.FileNameStar);
    }
}
