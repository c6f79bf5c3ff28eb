using Reporting.Core.Drafts;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Tests;

/// <summary>Typed draft submissions as the app layer's binder makes them, for tests that start from a known part.</summary>
public static class SubmitCommands
{
    public static SubmitDraftCommand For(string section, string body, string department = "kgj", int year = 2023) =>
        new(new ReportKey(year, department), ReportTemplate.Find(section) ?? throw new ArgumentException($"No part {section}.", nameof(section)), body);
}
