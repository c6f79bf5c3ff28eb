namespace Reporting.Core.Notices;

/// <summary>
/// Writes a notice's subject and body (and picks an attachment) from its facts. The one implementation lives in the
/// app layer (Reporting.Functions' NoticeComposer), with the wording, the time zone and the links people click.
/// </summary>
public interface INoticeComposer
{
    Task<ComposedNotice> ComposeAsync(Notice notice, CancellationToken cancellationToken = default);
}

/// <summary>A notice ready for a channel: the facts (what a webhook posts) and the words (what an e-mail says).</summary>
public sealed record ComposedNotice(Notice Fact, string Subject, string Text, NoticeAttachment? Attachment = null)
{
    public string Key => Fact.Key;
}

public sealed record NoticeAttachment(string FileName, string ContentType, byte[] Content);
