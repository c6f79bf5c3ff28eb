using System.Globalization;
using System.Xml.Linq;
using Reporting.Development.Seals;
using Reporting.Typesetting.Seals;

namespace Reporting.Typesetting.Tests;

/// <summary>The seal in the OFD beside a sealed PDF: the same PNG, declared in DocumentRes.xml, drawn where the PDF draws it.</summary>
public sealed class SealedOfdTests
{
    private static readonly XNamespace Ofd = OfdReader.Ofd;

    [Fact]
    public void A_sealed_report_s_OFD_draws_the_seal_PNG_as_an_image_object_over_the_text_where_the_PDF_places_it()
    {
        var document = Fixtures.Kgj2023 with { Seal = DevelopmentSeal.For(Fixtures.Kgj2023.Signature) };
        using var stream = new MemoryStream();
        var (_, placement) = Fixtures.Typesetter.Value.RenderSealed(document, stream);
        Assert.NotNull(placement);
        var container = OfdReader.Read(stream.ToArray());
        var folder = container.DocumentFolder;

        var media = Assert.Single(container.Xml($"{folder}/DocumentRes.xml").Root!.Element(Ofd + "MultiMedias")!.Elements(Ofd + "MultiMedia"));
        Assert.Equal("Image", media.Attribute("Type")?.Value);
        Assert.Equal(document.Seal!.Png, container.Files[$"{folder}/Res/{media.Element(Ofd + "MediaFile")!.Value}"]);

        var (_, pagePath) = container.PageFiles[placement.PageIndex];
        var layer = container.Xml(pagePath).Root!.Element(Ofd + "Content")!.Element(Ofd + "Layer")!;
        var image = Assert.Single(layer.Elements(Ofd + "ImageObject"));
        Assert.Equal(image, layer.Elements().Last()); // drawn after (over) the 署名 and the date
        Assert.Equal(media.Attribute("ID")!.Value, image.Attribute("ResourceID")!.Value);
        var box = image.Attribute("Boundary")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        const double mm = 72 / 25.4;
        Assert.Equal(placement.Left / mm, box[0], 0.01);
        Assert.Equal((841.89 - placement.Bottom - placement.Height) / mm, box[1], 0.01);
        Assert.Equal(placement.Width / mm, box[2], 0.01);
        Assert.Equal(placement.Height / mm, box[3], 0.01);
        Assert.Equal($"{box[2].ToString(CultureInfo.InvariantCulture)} 0 0 {box[3].ToString(CultureInfo.InvariantCulture)} 0 0", image.Attribute("CTM")!.Value);
        var maxUnit = int.Parse(container.Document.Root!.Element(Ofd + "CommonData")!.Element(Ofd + "MaxUnitID")!.Value, CultureInfo.InvariantCulture);
        Assert.True(int.Parse(image.Attribute("ID")!.Value, CultureInfo.InvariantCulture) <= maxUnit);
        Assert.Empty(container.PageFiles.Where((_, i) => i != placement.PageIndex)
            .SelectMany(p => container.Xml(p.Path).Descendants(Ofd + "ImageObject")));
    }
}
