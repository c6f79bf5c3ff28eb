namespace Reporting.Typesetting.Layout;

/// <summary>
/// Signature and date. Unsealed [7.3.5.2]: one blank line after the body (dropped at the top of a page), the
/// signature, then the date. Sealed [7.3.5.1]: as many blank lines as bring the seal's top within one line below
/// the body, the signature and date under the seal, both centred on it a little below its centre. Never split
/// over pages; a sealed block is kept from standing alone on a page by the body's last element
/// (<see cref="LinesElement.KeepLastWithNext"/>).
/// </summary>
internal sealed class SignatureElement(ComposedLine signature, ComposedLine date, StructureNode? node = null, SignatureSeal? seal = null) : LayoutElement
{
    public ComposedLine Signature { get; } = signature;
    public ComposedLine Date { get; } = date;

    /// <summary>Slots a sealed block needs below the body: its blank lines, the signature and the date.</summary>
    public int SealedSlots => seal is null ? 0 : seal.BlankLines + 2;

    protected override SpacePlan Plan(Space space, PagingState state)
    {
        if (state.Progress(this) > 0) return SpacePlan.Empty;
        var needed = seal is not null ? SealedSlots : space.AtPageTop ? 2 : 3;
        return space.Slots < needed ? SpacePlan.Wrap("signature and date stay together") : SpacePlan.Full(needed);
    }

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface)
    {
        var first = space.First + plan.Lines - 2;
        surface.BeginContent(node);
        surface.DrawLine(Signature, PageGeometry.Baseline(first));
        surface.DrawLine(Date, PageGeometry.Baseline(first + 1));
        if (seal is not null)
        {
            surface.BeginContent(seal.Node);
            surface.DrawImage(seal.Image, seal.CentreX - seal.Image.Width / 2, SignatureSeal.CentreY(first) - seal.Image.Height / 2);
        }
        state.Advance(this, 1);
    }
}

/// <summary>
/// The seal over a signature block [7.3.5.1]: centred horizontally on the 署名 and 成文日期 (<see cref="CentreX"/>, from the
/// block's left), its centre <see cref="Above"/> above the middle of the signature's slot, so both lines sit below it.
/// </summary>
internal sealed record SignatureSeal(SealImage Image, double CentreX, StructureNode? Node)
{
    /// <summary>How far the seal's centre is above the middle of the signature's line: a fifth of a line.</summary>
    public const double Above = 0.2 * PageGeometry.LinePitch;

    /// <summary>The seal's centre, from the top of the text block, over a signature in <paramref name="slot"/>.</summary>
    public static double CentreY(int slot) => (slot + 0.5) * PageGeometry.LinePitch - Above;

    /// <summary>
    /// Blank lines between the body and the signature: the fewest that keep the seal's top below the body's last line
    /// (at least one, as unsealed); its top then lies within one line of the body.
    /// </summary>
    public int BlankLines => Math.Max(1, (int)Math.Ceiling((Image.Height / 2 + Above) / PageGeometry.LinePitch - 0.5 - 1e-9));
}
