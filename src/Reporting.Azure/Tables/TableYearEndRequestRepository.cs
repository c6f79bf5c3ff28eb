using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.YearEnd;

namespace Reporting.Azure.Tables;

/// <summary>
/// The queued year-end runs, in the yearend table beside the year's volume ledger: partition = year, row = "run-" and
/// the run's id. Inserted once (a second insert of the same id is a conflict, answered null), replaced under its ETag.
/// </summary>
public class TableYearEndRequestRepository(StorageClients clients) : IYearEndRequestRepository
{
    private const string RowPrefix = "run-";
    private readonly TableClient _table = clients.Table(clients.Options.YearEndTable);

    public virtual async Task<YearEndRequest?> GetAsync(int year, string id, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(year.ToString(), RowPrefix + id, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(year, id, response.Value!) : null;
    }

    public virtual async Task<YearEndRequest?> TrySaveAsync(YearEndRequest request, CancellationToken cancellationToken = default) =>
        await _table.TryAddOrReplaceAsync(ToEntity(request), request.ETag, cancellationToken) is { } etag ? request with { ETag = etag } : null;

    private static TableEntity ToEntity(YearEndRequest r) => new(r.Year.ToString(), RowPrefix + r.Id)
    {
        ["State"] = r.State.ToString(),
        ["RequestedBy"] = r.RequestedBy,
        ["RequestedByName"] = r.RequestedByName,
        ["RequestedAt"] = r.RequestedAt,
        ["StartedAt"] = r.StartedAt,
        ["HeldAt"] = r.HeldAt,
        ["FinishedAt"] = r.FinishedAt,
        ["Attempts"] = r.Attempts,
        ["Outcome"] = r.Outcome,
        ["VolumeVersion"] = r.VolumeVersion,
        ["PageCount"] = r.PageCount,
        ["AssembledNow"] = string.Join(',', r.AssembledNow),
        ["ElapsedMilliseconds"] = r.ElapsedMilliseconds,
        ["Error"] = r.Error,
    };

    private static YearEndRequest FromEntity(int year, string id, TableEntity e) =>
        new(year, id, e.GetString("RequestedBy") ?? "", e.GetString("RequestedByName") ?? "", e.GetDateTimeOffset("RequestedAt") ?? default)
        {
            State = Enum.TryParse<YearEndState>(e.GetString("State"), out var state) ? state : YearEndState.Queued,
            StartedAt = e.GetDateTimeOffset("StartedAt"),
            HeldAt = e.GetDateTimeOffset("HeldAt"),
            FinishedAt = e.GetDateTimeOffset("FinishedAt"),
            Attempts = e.GetInt32("Attempts") ?? 0,
            Outcome = e.GetString("Outcome"),
            VolumeVersion = e.GetInt32("VolumeVersion"),
            PageCount = e.GetInt32("PageCount"),
            AssembledNow = (e.GetString("AssembledNow") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            ElapsedMilliseconds = e.GetDouble("ElapsedMilliseconds"),
            Error = e.GetString("Error"),
            ETag = e.ETag.ToString(),
        };
}
