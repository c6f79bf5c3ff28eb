namespace Reporting.Core.Documents;

/// <summary>What the PDF says about itself (title, author = the department, subject, creation date).</summary>
public sealed record DocumentInfo(string Title, string Author, string Subject, DateTimeOffset CreatedAt, string Language = "zh-CN");
