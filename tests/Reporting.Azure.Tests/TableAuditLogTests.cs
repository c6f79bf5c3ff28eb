using Azure.Data.Tables;
using Reporting.Azure.Tables;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class TableAuditLogTests(AzuriteFixture azurite)
{
    private static readonly Caller Author = new("kgj-author", "起草人");
    private static readonly Caller Approver = new("kgj-approver", "审核人");

    [Fact]
    public async Task Entries_are_kept_per_report_in_time_order_two_at_one_instant_both_and_long_details_cut()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var audit = new TableAuditLog(clients);
        var at = new DateTimeOffset(2024, 1, 5, 2, 0, 0, TimeSpan.Zero);

        await audit.RecordAsync(new AuditEntry("2023/kgj", "draft.submitted", Author, at.AddSeconds(1), new string('长', 10_000)));
        await audit.RecordAsync(new AuditEntry("2023/kgj", "draft.approved", Approver, at.AddSeconds(2), "duty v1"));
        await audit.RecordAsync(new AuditEntry("2023/kgj", "draft.approved", Approver, at.AddSeconds(2), "plans v1"));
        await audit.RecordAsync(new AuditEntry("2023/sfj", "draft.submitted", Author, at, "other report"));

        var rows = new List<TableEntity>();
        await foreach (var row in clients.Table(clients.Options.AuditTable).QueryAsync<TableEntity>(e => e.PartitionKey == "2023-kgj"))
            rows.Add(row);
        Assert.Equal(["draft.submitted", "draft.approved", "draft.approved"], rows.Select(r => r.GetString("Action")));
        Assert.Equal(4000, rows[0].GetString("Detail").Length);
        Assert.Equal(("审核人", "kgj-approver", at.AddSeconds(2)), (rows[1].GetString("Actor"), rows[1].GetString("ActorId"), rows[1].GetDateTimeOffset("At")));
        Assert.Equal(["duty v1", "plans v1"], rows.Skip(1).Select(r => r.GetString("Detail")).Order());

        var trail = await audit.ListAsync("2023/kgj");
        Assert.Equal([Author, Approver, Approver], trail.Select(e => e.Actor));
        Assert.Equal(["2023/kgj"], trail.Select(e => e.Report).Distinct());
    }
}
