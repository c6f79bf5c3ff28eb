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

    [Fact]
    public void The_default_faces_are_the_CN_faces_of_the_collections()
    {
        var face = FontFace.Load(TypesettingOptions.UMing, 0);
        Assert.Contains("AR PL UMing CN", System.Text.Encoding.BigEndianUnicode.GetString(face.Data));
    }

    [Fact]
    public void The_fallbacks_carry_what_the_Song_face_lacks()
    {
        var uming = FontFace.Load(TypesettingOptions.UMing, 0);
        Assert.False(uming.Covers(0x20BB7));
        Assert.False(uming.Covers(0x3400));
        Assert.True(FontFace.Load(TypesettingOptions.WenKai, 0).Covers(0x20BB7));
        Assert.True(FontFace.Load(TypesettingOptions.DroidFallback, 0).Covers(0x3400));
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
        var resolved = FontFiles.Resolve(FontRoles.FangSong, TypesettingOptions.UMing, null);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "fonts", "uming.ttc"), resolved);
    }
}
