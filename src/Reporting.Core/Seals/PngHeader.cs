namespace Reporting.Core.Seals;

/// <summary>A PNG's size in pixels and, when it states one (pHYs with unit 1), its resolution in pixels per metre.</summary>
public readonly record struct PngHeader(int Width, int Height, double? PixelsPerMetreX, double? PixelsPerMetreY);
