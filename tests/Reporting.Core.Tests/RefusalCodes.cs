using System.Reflection;
using Reporting.Core.Errors;

namespace Reporting.Core.Tests;

/// <summary>Every code <see cref="RefusalCode"/> declares, to check that a refusal names one of them.</summary>
internal static class RefusalCodes
{
    public static readonly IReadOnlyList<string> All = typeof(RefusalCode).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
