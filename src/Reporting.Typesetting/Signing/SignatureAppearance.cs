using Reporting.Typesetting.Rendering;

namespace Reporting.Typesetting.Signing;

/// <summary>A visible signature: the seal image (PNG) drawn where the layout placed the seal.</summary>
internal sealed record SignatureAppearance(SealPlacement Placement, byte[] SealPng);
