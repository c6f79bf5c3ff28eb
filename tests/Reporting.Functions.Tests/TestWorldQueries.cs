using Reporting.Core.Calendar;
using Reporting.Core.Notices;
using Reporting.Core.Tests;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;
using Reporting.TestSupport;

namespace Reporting.Functions.Tests;

/// <summary>The read models over Core's <see cref="TestWorld"/> (its in-memory ports), with the repository's routes.</summary>
internal static class TestWorldQueries
{
    public static readonly Routes Routes = Routes.FromHostJson(Path.Combine(RepoPaths.Root, "host.json"));

    public static ReportQueries Queries(this TestWorld world, INotificationOutbox? outbox = null) =>
        new(world.Directory, world.Access, world.Drafts, world.Reports, world.Ledgers, world.Pdfs, world.Audit, outbox ?? world.Outbox, world.Options,
            world.Calendar, Routes, world.Clock, world.Publications, world.Site);
}
