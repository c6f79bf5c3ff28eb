namespace Reporting.Core.Seals;

/// <summary>A PNG this product could not read, and why.</summary>
public sealed class PngFormatException(PngProblem problem, string message) : Exception(message)
{
    public PngProblem Problem { get; } = problem;
}
