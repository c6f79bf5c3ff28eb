using System.Text;

namespace Reporting.Typesetting.Layout;

/// <summary>Text as Unicode scalars, each with the font role it is set in.</summary>
internal sealed class StyledText
{
    public List<int> CodePoints { get; } = [];
    public List<string> Roles { get; } = [];

    public static StyledText Of(string text, string role) => new StyledText().Append(text, role);

    public StyledText Append(string text, string role)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r' or '\t' || Clreq.IsInvisible(rune)) continue;
            CodePoints.Add(rune.Value);
            Roles.Add(role);
        }
        return this;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var c in CodePoints) builder.Append(char.ConvertFromUtf32(c));
        return builder.ToString();
    }
}

/// <summary>How a block's lines are set: size, the cell a full-width character takes, measure and first-line indent.</summary>
internal sealed record LineStyle(double Size, double Cell, double Measure, double FirstIndent, bool Justify)
{
    public static LineStyle Body(int indentChars = 2) =>
        new(PageGeometry.BodySize, PageGeometry.CharPitch, PageGeometry.BlockWidth, indentChars * PageGeometry.CharPitch, true);

    public static LineStyle Title => new(PageGeometry.TitleSize, PageGeometry.TitleSize, PageGeometry.BlockWidth, 0, false);

    public static LineStyle Folio => new(PageGeometry.FolioSize, PageGeometry.FolioSize, PageGeometry.BlockWidth, 0, false);
}
