namespace Reporting.Core.Seals;

/// <summary>Why a file could not be read as a PNG (the app says it to people in its own words).</summary>
public enum PngProblem
{
    NotPng,
    Truncated,
    BadHeader,
    Unsupported,
    TooLarge,
    BadData,
}
