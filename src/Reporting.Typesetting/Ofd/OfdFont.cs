using Reporting.Typesetting.Fonts;

namespace Reporting.Typesetting.Ofd;

/// <summary>A face as an OFD font resource: its id and the characters its subset must carry, ascending, each once.</summary>
internal sealed record OfdFont(int Id, FontFace Face, IReadOnlyList<int> CodePoints);
