using Reporting.Core.Documents;

namespace Reporting.Typesetting;

/// <summary>
/// The words the typesetter prints or tags that Core hands over as values: a part's status in the volume's table, what a screen
/// reader says for a seal. Core holds no wording; the documents are zh-CN, so these are.
/// </summary>
public static class DocumentWords
{
    public static string Status(PartStatus status) => status switch
    {
        PartStatus.NotSubmitted => "未提交",
        PartStatus.AwaitingReview => "待审核",
        PartStatus.Rejected => "已退回",
        _ => "已通过",
    };

    /// <summary>The seal's alternative text: the organisation's full name and 印章.</summary>
    public static string SealAltText(OrganisationSeal seal) => seal.OrganisationName + "印章";
}
