using System.Collections.Concurrent;
using System.Reflection;
using Reporting.Core.Audit;
using Reporting.Core.Drafts;
using Reporting.Core.Notices;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.Core.Tests;
using Reporting.Functions.ReadModels;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>How many storage reads one 全区总览 (the year view) makes: one per table, not one per department and part.</summary>
public sealed class YearReadsTests
{
    [Fact]
    public async Task One_overview_makes_as_many_storage_reads_with_every_department_holding_drafts_as_with_one()
    {
        var reads = new Dictionary<int, List<string>>();
        foreach (var withData in new[] { 1, TestWorld.SharedDirectory.Departments.Count })
        {
            var world = new TestWorld();
            foreach (var department in TestWorld.SharedDirectory.Departments.Take(withData).Select(d => d.Code))
            {
                foreach (var part in TestWorld.RequiredParts.Append("other"))
                {
                    await world.SubmitAsync(part, department: department);
                    await world.SubmitAsync(part, "第二稿。", department: department);
                }
                await world.DecideAsync("duty", 2, department: department);
            }
            var calls = new ConcurrentQueue<string>();
            var queries = new ReportQueries(world.Directory, world.Access, CountingPort<IDraftRepository>.Wrap(world.Drafts, calls),
                CountingPort<IReportRepository>.Wrap(world.Reports, calls), CountingPort<IVolumeLedgerRepository>.Wrap(world.Ledgers, calls),
                CountingPort<IPdfStore>.Wrap(world.Pdfs, calls), CountingPort<IAuditLog>.Wrap(world.Audit, calls),
                CountingPort<INotificationOutbox>.Wrap(world.Outbox, calls), world.Options, world.Calendar, TestWorldQueries.Routes, world.Clock,
                CountingPort<Core.Publication.IPublicationRepository>.Wrap(world.Publications, calls), world.Site);

            var year = await queries.GetYearAsync("2023", TestWorld.Office);

            Assert.Equal(withData, year.Departments.Count(d => d.Parts.All(p => p.Version == 2)));
            reads[withData] = calls.ToList();
        }
        var (one, all) = (reads.First().Value, reads.Last().Value);
        Assert.Equal(one.Order(), all.Order());
        // One read of each table the year view shows: reports, drafts, publications, the volume ledger.
        Assert.True(all.Count <= 4, $"one overview made {all.Count} reads: {string.Join(", ", all)}");
    }

    /// <summary>Any port, each call written down by name before it goes on to the real one.</summary>
    internal class CountingPort<T> : DispatchProxy where T : class
    {
        private T _inner = null!;
        private ConcurrentQueue<string> _calls = null!;

        public static T Wrap(T inner, ConcurrentQueue<string> calls)
        {
            var port = Create<T, CountingPort<T>>();
            var counting = (CountingPort<T>)(object)port;
            (counting._inner, counting._calls) = (inner, calls);
            return port;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls.Enqueue($"{typeof(T).Name}.{targetMethod!.Name}");
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
