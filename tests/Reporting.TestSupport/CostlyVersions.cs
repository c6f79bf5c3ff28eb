namespace Reporting.TestSupport;

/// <summary>
/// Two versions of one part, within the 200,000-character body limit, built to make the 草稿 page's comparison costly:
/// the pairs the diff's work budget is tested with.
/// </summary>
public static class CostlyVersions
{
    // Common characters (GB2312 level 1) that every configured face covers, so that the server accepts the versions.
    private static readonly string Pool = string.Concat((
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所" +
        "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日" +
        "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想" +
        "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指" +
        "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权" +
        "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集" +
        "温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支" +
        "般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属" +
        "圆包火住调满县局照参红细引听该铁价严").Distinct());

    /// <summary>
    /// Paragraphs of <paramref name="length"/> characters with every other character changed, each followed by one
    /// unchanged paragraph so that each is a changed stretch of its own; as many as fit in <paramref name="total"/>.
    /// </summary>
    public static (string Old, string New, int Paragraphs) EveryOtherCharacter(int length, int total = 197_000)
    {
        var paragraphs = total / (length + 3);
        string Version(Func<int, int, char> at) =>
            string.Join("\n同。\n", Enumerable.Range(0, paragraphs).Select(p => string.Concat(Enumerable.Range(0, length).Select(j => at(p, j)))));
        return (Version((p, j) => Pool[(j * 7 + p) % 200]), Version((p, j) => Pool[j % 2 == 1 ? 200 + (j + p) % 50 : (j * 7 + p) % 200]), paragraphs);
    }

    /// <summary><paramref name="paragraphs"/> short paragraphs a side, none shared between the two versions.</summary>
    public static (string Old, string New) ShortParagraphsNoneAlike(int paragraphs)
    {
        var random = new Random(5);
        string Version() => string.Join("\n", Enumerable.Range(0, paragraphs)
            .Select(_ => string.Concat(Enumerable.Range(0, 9).Select(_ => Pool[random.Next(Pool.Length)]))));
        return (Version(), Version());
    }
}
