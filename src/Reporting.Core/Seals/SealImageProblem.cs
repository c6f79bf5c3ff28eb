namespace Reporting.Core.Seals;

/// <summary>Why an uploaded seal image was refused (see <see cref="SealImageRules"/>).</summary>
public enum SealImageProblem
{
    Empty,
    TooLarge,
    NotPng,
    Unreadable,
    UnsupportedPng,
    TooManyPixels,
    NotSquare,
    NoTransparency,
    Blank,
    NotRed,
}
