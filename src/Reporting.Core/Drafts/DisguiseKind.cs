namespace Reporting.Core.Drafts;

/// <summary>The families of <see cref="DisguisingCharacters"/>; the app layer names each in words.</summary>
public enum DisguiseKind
{
    BidiEmbeddingOrOverride,
    BidiIsolate,
    DirectionMark,
    DeprecatedFormat,
    InvisibleOperator,
    InterlinearAnnotation,
    Tag,
    InvisibleFiller,
}
