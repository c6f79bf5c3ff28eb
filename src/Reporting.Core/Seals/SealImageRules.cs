namespace Reporting.Core.Seals;

/// <summary>
/// What an uploaded seal must be: a PNG (signature and a decodable IHDR and image), at most <see cref="MaxBytes"/>,
/// roughly square (aspect 0.9–1.1), with an alpha channel (or a palette with transparency), and mostly red among
/// its opaque pixels. Returns the first rule broken, or null; the app says it in Chinese.
/// </summary>
public static class SealImageRules
{
    public const int MaxBytes = 1024 * 1024;
    public const double MinAspect = 0.9;
    public const double MaxAspect = 1.1;

    /// <summary>A pixel at least this opaque counts as ink.</summary>
    public const int OpaqueAlpha = 128;

    /// <summary>The share of opaque pixels that must be red.</summary>
    public const double MinRedShare = 0.6;

    public static SealImageProblem? Check(ReadOnlySpan<byte> file)
    {
        if (file.IsEmpty) return SealImageProblem.Empty;
        if (file.Length > MaxBytes) return SealImageProblem.TooLarge;
        if (!PngImage.HasSignature(file)) return SealImageProblem.NotPng;
        PngImage image;
        try
        {
            image = PngImage.Decode(file);
        }
        catch (PngFormatException e)
        {
            return e.Problem switch
            {
                PngProblem.Unsupported => SealImageProblem.UnsupportedPng,
                PngProblem.TooLarge => SealImageProblem.TooManyPixels,
                _ => SealImageProblem.Unreadable,
            };
        }
        var aspect = (double)image.Width / image.Height;
        if (aspect is < MinAspect or > MaxAspect) return SealImageProblem.NotSquare;
        if (!image.HasAlpha) return SealImageProblem.NoTransparency;
        int opaque = 0, red = 0;
        var rgba = image.Rgba;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            if (rgba[i + 3] < OpaqueAlpha) continue;
            opaque++;
            if (IsRed(rgba[i], rgba[i + 1], rgba[i + 2])) red++;
        }
        if (opaque == 0) return SealImageProblem.Blank;
        return red < MinRedShare * opaque ? SealImageProblem.NotRed : null;
    }

    /// <summary>Seal red (印泥红, about #D0101E) and its lighter and darker inks: red clearly ahead of green and blue.</summary>
    public static bool IsRed(byte r, byte g, byte b) => r >= 120 && r >= 1.6 * g && r >= 1.6 * b;
}
