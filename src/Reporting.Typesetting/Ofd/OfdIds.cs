namespace Reporting.Typesetting.Ofd;

/// <summary>The one counter every ID in the document comes from, so all are unique and MaxUnitID is the last.</summary>
internal sealed class OfdIds
{
    public int Last { get; private set; }

    public int Next() => ++Last;
}
