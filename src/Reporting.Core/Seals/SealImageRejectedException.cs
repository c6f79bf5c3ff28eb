namespace Reporting.Core.Seals;

/// <summary>An uploaded seal image broke a rule of <see cref="SealImageRules"/>; the app says which, in its words. Nothing was stored.</summary>
public sealed class SealImageRejectedException(SealImageProblem problem) : Exception($"The seal image was refused: {problem}.")
{
    public SealImageProblem Problem { get; } = problem;
}
