using Reporting.Core.ReportAssembly;


namespace Reporting.Typesetting.Rendering;

/// <summary>A rendered report and where its seal was drawn (null: unsealed), for the signer that follows.</summary>
internal sealed record RenderResult(RenderedPdf Pdf, SealPlacement? Seal);
