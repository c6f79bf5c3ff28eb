using Reporting.Typesetting.Fonts;
using static Reporting.Typesetting.Fonts.SfntReader;

namespace Reporting.Typesetting.Tests;

public class FontTests
{
    [Theory]
    [InlineData(TypesettingOptions.UMing, 0)]
    [InlineData(TypesettingOptions.UMing, 3)]
    [InlineData(TypesettingOptions.UKai, 0)]
    [InlineData(TypesettingOptions.MicroHei, 0)]
    public void A_face_copied_out_of_a_collection_is_a_valid_standalone_font(string path, int index)
    {
        var font = TrueTypeCollection.ReadFace(path, index);
        Assert.NotEqual(TtcTag, U32(font, 0));
        Assert.Equal(0xB1B0AFBAu, TrueTypeCollection.Checksum(font));
        foreach (var table in Tables(font, 0))
        {
            Assert.Equal(0, table.Offset % 4);
            var data = font.AsSpan(table.Offset, (table.Length + 3) & ~3);
            if (table.Tag == Tag("head")) continue; // its checksum is taken with checkSumAdjustment zeroed
            Assert.Equal(table.Checksum, TrueTypeCollection.Checksum(data));
        }
    }

    [Theory]
    [InlineData(FontRoles.FangSong, "FandolFang")]
    [InlineData(FontRoles.XiaoBiaoSong, "FandolSong-Bold")]
    [InlineData(FontRoles.Hei, "FandolHei")]
    [InlineData(FontRoles.Kai, "FandolKai")]
    [InlineData(FontRoles.Song, "FandolSong-Regular")]
    public void The_default_CJK_faces_are_Fandol_converted_to_TrueType_outlines(string role, string name)
    {
        var face = FontFace.Load(TypesettingOptions.DefaultFace(role).File, 0);
        var tables = Tables(face.Data, 0);
        Assert.NotNull(Find(tables, "glyf"));
        Assert.Null(Find(tables, "CFF "));
        Assert.Contains(name, System.Text.Encoding.Latin1.GetString(face.Data)); // its PostScript name in the name table
        Assert.True(face.Covers('仿') && face.Covers('宋'));
        Assert.False(TypesettingOptions.DefaultFace(role).SimulateBold);
    }

    [Fact]
    public void The_fallbacks_carry_what_Fandol_lacks()
    {
        var fang = FontFace.Load(TypesettingOptions.FandolFang, 0);
        Assert.False(fang.Covers(0x20BB7));
        Assert.False(fang.Covers(0x3400));
        Assert.Equal([TypesettingOptions.FandolFang, TypesettingOptions.UMing, TypesettingOptions.WenKai, TypesettingOptions.DroidFallback],
            TypesettingOptions.DefaultFace(FontRoles.FangSong).Fallbacks.Select(f => f.File));
        Assert.True(FontFace.Load(TypesettingOptions.WenKai, 0).Covers(0x20BB7));
        Assert.True(FontFace.Load(TypesettingOptions.DroidFallback, 0).Covers(0x3400));
        var fonts = FontSet.Load(TypesettingOptions.CreateDefault());
        Assert.EndsWith("LXGWWenKai-Regular.ttf", fonts.FaceFor(FontRoles.FangSong, 0x20BB7)!.Path);
        Assert.EndsWith("DroidSansFallbackFull.ttf", fonts.FaceFor(FontRoles.FangSong, 0x3400)!.Path);
    }

    [Fact]
    public void Each_Fandol_face_is_asked_first_for_its_common_characters_and_whole_for_the_rest()
    {
        var fonts = FontSet.Load(TypesettingOptions.CreateDefault());
        var common = FontFace.Load(TypesettingOptions.Common(TypesettingOptions.FandolFang), 0);
        var whole = FontFace.Load(TypesettingOptions.FandolFang, 0);
        Assert.True(common.Data.Length < whole.Data.Length / 2, $"{common.Data.Length:N0} of {whole.Data.Length:N0} bytes");
        // The real report is written entirely in common characters: a cold render of it never reads the whole face.
        var text = File.ReadAllText(Path.Combine(Fixtures.SharedFixtures, "kgj-2023.txt"));
        Assert.All(text.EnumerateRunes().Where(r => r.Value > 0x20 && !FontSet.IsLatinText(r.Value)),
            r => Assert.True(common.Covers(r.Value), $"{r} U+{r.Value:X4}"));
        Assert.EndsWith("FandolFang-Regular.common.ttf", fonts.FaceFor(FontRoles.FangSong, '法')!.Path);
        // 亍 (GB2312 level 2) is Fandol's but not common: the whole face draws it, same outlines, same advance.
        Assert.False(common.Covers('亍'));
        Assert.EndsWith("FandolFang-Regular.ttf", fonts.FaceFor(FontRoles.FangSong, '亍')!.Path);
        Assert.Equal(whole.AdvanceEm('法'), common.AdvanceEm('法'));
    }

    [Theory]
    [InlineData(FontRoles.FangSong, "LiberationSerif-Regular.ttf")]
    [InlineData(FontRoles.Hei, "LiberationSerif-Regular.ttf")]
    [InlineData(FontRoles.Kai, "LiberationSerif-Regular.ttf")]
    [InlineData(FontRoles.XiaoBiaoSong, "LiberationSerif-Bold.ttf")]
    [InlineData(FontRoles.Song, "FandolSong-Regular.common.ttf")]
    public void Latin_letters_digits_and_their_punctuation_come_from_the_Latin_face_except_in_page_numbers(string role, string file)
    {
        var fonts = FontSet.Load(TypesettingOptions.CreateDefault());
        foreach (var c in "https://www.samr.gov.cn/ 128 GB/T 9704-2012 ISO 9001 é")
            Assert.EndsWith(file, fonts.FaceFor(role, c)!.Path);
        foreach (var c in "１２８，：（）“”、。—")
            Assert.StartsWith("Fandol", Path.GetFileName(fonts.FaceFor(role, c)!.Path));
    }

    [Fact]
    public void The_composer_measures_Latin_text_with_the_Latin_face_it_draws_with()
    {
        var fonts = FontSet.Load(TypesettingOptions.CreateDefault());
        var latin = FontFace.Load(TypesettingOptions.LiberationSerif, 0);
        var line = Assert.Single(new Layout.TextComposer(fonts).Compose(Layout.StyledText.Of("ISO 9001", FontRoles.FangSong),
            Layout.LineStyle.Body(0) with { Justify = false }));
        Assert.All(line.Glyphs, g => Assert.Equal("LiberationSerif-Regular.ttf", Path.GetFileName(g.Face.Path)));
        // In whole thousandths of an em, as the PDF's width array holds the advances the viewer draws with.
        static double Width(FontFace face, int c) => Math.Round(face.AdvanceEm(c) * 1000) * 16 / 1000;
        Assert.All(line.Glyphs, g => Assert.Equal(Width(latin, g.CodePoint), g.CellWidth, 3));
        Assert.All(line.Glyphs, g => Assert.False(g.Bold));
        Assert.Equal("ISO 9001".Sum(c => Width(latin, c)), line.Width, 3);
    }

    [Fact]
    public void A_face_with_CFF_outlines_stops_start_up_naming_the_role_and_the_file()
    {
        // FandolFang as converted, marked 'OTTO' with its glyf table renamed: what an unconverted Fandol .otf is to the loader.
        var font = File.ReadAllBytes(TypesettingOptions.FandolFang);
        var glyf = Tables(font, 0).Select((t, i) => (t, i)).Single(x => x.t.Tag == Tag("glyf")).i;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(font, CffTag);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 16 * glyf), Tag("CFF "));
        var directory = Directory.CreateTempSubdirectory("cff-");
        try
        {
            var path = Path.Combine(directory.FullName, "FandolKai-Regular.otf");
            File.WriteAllBytes(path, font);
            var options = TypesettingOptions.CreateDefault();
            options.Fonts[FontRoles.Kai] = new FontFaceOptions { File = path };
            var error = Assert.Throws<FontConfigurationException>(() => FontSet.Load(options));
            Assert.Contains("Kai", error.Message);
            Assert.Contains(path, error.Message);
            Assert.Contains("CFF", error.Message);
        }
        finally { directory.Delete(true); }
    }

    [Fact]
    public void A_missing_font_file_stops_start_up_naming_the_role_and_the_file()
    {
        var options = TypesettingOptions.CreateDefault();
        options.Fonts[FontRoles.Kai] = new FontFaceOptions { File = "/nonexistent/楷体_GB2312.ttf" };
        var error = Assert.Throws<FontConfigurationException>(() => FontSet.Load(options));
        Assert.Contains("Kai", error.Message);
        Assert.Contains("/nonexistent/楷体_GB2312.ttf", error.Message);
    }

    [Fact]
    public void A_missing_fallback_file_stops_start_up_too()
    {
        var options = TypesettingOptions.CreateDefault();
        options.Fonts[FontRoles.FangSong].Fallbacks.Add(new FontFaceOptions { File = "missing-fallback.ttf" });
        var error = Assert.Throws<FontConfigurationException>(() => FontSet.Load(options));
        Assert.Contains("FangSong", error.Message);
        Assert.Contains("missing-fallback.ttf", error.Message);
    }

    [Fact]
    public void The_font_directory_is_searched_first_by_file_name()
    {
        var directory = Directory.CreateTempSubdirectory("fonts-");
        try
        {
            File.Copy(TypesettingOptions.MicroHei, Path.Combine(directory.FullName, "wqy-microhei.ttc"));
            var resolved = FontFiles.Resolve(FontRoles.Hei, "/elsewhere/wqy-microhei.ttc", directory.FullName);
            Assert.Equal(Path.Combine(directory.FullName, "wqy-microhei.ttc"), resolved);
        }
        finally { directory.Delete(true); }
    }

    [Fact]
    public void Shipped_fonts_beside_the_app_are_found_before_the_system_path()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "fonts", "FandolFang-Regular.ttf"),
            FontFiles.Resolve(FontRoles.FangSong, TypesettingOptions.FandolFang, null));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "fonts", "LiberationSerif-Regular.ttf"),
            FontFiles.Resolve(FontRoles.Latin, TypesettingOptions.LiberationSerif, null));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "fonts", "uming.ttc"), FontFiles.Resolve(FontRoles.FangSong, TypesettingOptions.UMing, null));
    }
}
