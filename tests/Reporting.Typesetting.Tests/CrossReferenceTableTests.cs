using System.Text;
using Reporting.Typesetting.Rendering;
using Reporting.Typesetting.Signing;

namespace Reporting.Typesetting.Tests;

/// <summary>The one reader of classic cross-reference tables, shared by the finisher and the signer.</summary>
public sealed class CrossReferenceTableTests
{
    [Fact]
    public void Subsections_free_entries_and_the_trailer_are_read()
    {
        const string section = "xref\n0 3\n0000000000 65535 f \n0000000015 00000 n \n0000000000 65535 f \n7 2\n0000001234 00000 n \n" +
            "0000009999 00000 n \ntrailer\n<</Size 9/Root 1 0 R/ID[<AB><AB>]>>\nstartxref\n4321\n%%EOF\n";
        var (offsets, trailer) = CrossReferenceTable.Parse(section);
        Assert.Equal(new Dictionary<int, long> { [1] = 15, [7] = 1234, [8] = 9999 }, offsets);
        Assert.Equal("<</Size 9/Root 1 0 R/ID[<AB><AB>]>>", trailer);
        Assert.Equal(4321, CrossReferenceTable.StartXref(Encoding.Latin1.GetBytes(section[^30..])));
        Assert.Throws<InvalidDataException>(() => CrossReferenceTable.Parse("1 0 obj\n<</Type/XRef>>"));
    }

    [Fact]
    public void The_finisher_and_the_signer_find_every_object_where_the_file_has_it()
    {
        var pdf = Fixtures.Kgj2023Pdf.Value;
        var objects = PdfFinisher.Objects(pdf);
        Assert.NotEmpty(objects);
        foreach (var (number, start, _) in objects)
            Assert.StartsWith($"{number} 0 obj", Encoding.Latin1.GetString(pdf, start, 16), StringComparison.Ordinal);
        using var stream = new MemoryStream(pdf);
        var revision = PdfRevision.Read(stream);
        Assert.Equal(objects.Max(o => o.Number) + 1, revision.Size);
        Assert.Contains("/Type/Catalog", revision.Dictionary(revision.Root).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
