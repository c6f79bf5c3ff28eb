namespace Reporting.Typesetting.Layout;

/// <summary>
/// All that changes while pages are laid out, in one place: the page number and how far each element has
/// got. Elements keep none of it themselves, so one element tree can be laid out again after <see cref="Reset"/>.
/// </summary>
internal sealed class PagingState
{
    private readonly Dictionary<LayoutElement, int> _progress = new(ReferenceEqualityComparer.Instance);

    public int PageNumber { get; set; }

    public int Progress(LayoutElement element) => _progress.GetValueOrDefault(element);

    public void Advance(LayoutElement element, int by) => _progress[element] = Progress(element) + by;

    public void Reset()
    {
        PageNumber = 0;
        _progress.Clear();
    }
}
