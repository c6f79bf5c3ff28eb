namespace Reporting.Typesetting.Docx;

/// <summary>What the caller decides about an editable copy: the words are the app layer's, not the writer's.</summary>
public sealed record DocxOptions
{
    /// <summary>The 成文日期 as written (2027年3月1日); null for a draft, which has no signature block.</summary>
    public string? DateText { get; init; }

    /// <summary>A line in every page's header saying what the file is (an editable copy, not the official record); null: none.</summary>
    public string? HeaderNote { get; init; }
}
