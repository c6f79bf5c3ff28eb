using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core;
using Reporting.Core.Calendar;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.ReportAssembly;
using Reporting.Core.YearEnd;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Settings;
using static Reporting.Functions.ReportingServices;

namespace Reporting.Functions.Composition;

/// <summary>The workflow: the district's directory, the calendar, and Core's steps from draft to PDF and year-end.</summary>
internal static class WorkflowRegistration
{
    /// <returns>The workflow's options as bound now (the notices check their claim against them), or null when they could not be bound.</returns>
    public static ReportingOptions? AddReportingWorkflow(this IServiceCollection services, IConfiguration configuration, SettingsBinder settings)
    {
        var directoryFile = configuration[Key(AppSettingNames.DirectoryFile)] is { Length: > 0 } file
            ? file
            : Path.Combine(AppContext.BaseDirectory, "departments.json");
        var directory = settings.Check.Read(AppSettingNames.DirectoryFile, "部门名录 " + directoryFile,
            () => DistrictDirectoryJson.Load(directoryFile, configuration[Key(AppSettingNames.OfficeEmail)]));
        if (directory is not null) services.AddSingleton(directory);

        var reporting = settings.Bind<ReportingOptions>(configuration, ReportingOptions.Section).Validated("流程设置");
        settings.Bind<CalendarSettings>(configuration, CalendarSettings.Section).Validated("报送与公开日期",
            new ParsedSettingValidation<CalendarSettings>(CalendarSettings.Section, "报送与公开日期", calendar => calendar.Parse()));
        services.AddSingleton(sp => new ReportingCalendar(sp.GetRequiredService<CalendarSettings>().Parse(), sp.GetRequiredService<ReportingOptions>()));

        services.AddSingleton<DraftSubmission>();
        services.AddSingleton<DraftReview>();
        services.AddSingleton<BatchApproval>();
        services.AddSingleton<DraftWithdrawal>();
        services.AddSingleton<ReportAssembler>();
        services.AddSingleton<YearEndRun>();
        services.AddSingleton<QueuedYearEnd>();
        services.AddSingleton<DeadlineReminders>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<EditableCopies>();
        return reporting;
    }
}
