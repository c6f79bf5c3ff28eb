namespace Reporting.Core.Workflow;

/// <summary>Who asks. Filled in one place at the HTTP edge (today from the form's author/reviewer field).</summary>
public sealed record Caller(string Name)
{
    public static readonly Caller System = new("system");
}
