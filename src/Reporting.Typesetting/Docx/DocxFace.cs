namespace Reporting.Typesetting.Docx;

/// <summary>A face an editable copy names, and the Fandol face given as its alternate where the named one is missing.</summary>
internal sealed record DocxFace(string Name, string Fallback);
