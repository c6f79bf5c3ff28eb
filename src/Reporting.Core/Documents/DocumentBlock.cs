namespace Reporting.Core.Documents;

public sealed record DocumentBlock(BlockKind Kind, string Text);
