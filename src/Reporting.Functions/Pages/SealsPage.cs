using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Seals;
using Reporting.Functions.Http;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// 印章管理 for district-office administrators: every organisation that may seal (the district office, for the compiled
/// volume, and each department) with its current seal — a thumbnail, the version, who uploaded it and when — and a form
/// per organisation that uploads a new one through <see cref="SealAdministration"/> (its access rule, image rules, versions
/// and audit). A refused image is the page again with the reason, under the API's status, and nothing stored.
/// </summary>
public sealed class SealsPage(SealAdministration seals, IOrganisationSeals sealing, PageRenderer pages, ReportingOptions options, Routes routes)
{
    private static readonly PageTemplate Template = PageTemplate.Of("SealsPage");

    /// <summary>The page; <paramref name="query"/> may name an organisation just uploaded for (<c>uploaded</c>, <c>unchanged</c>).</summary>
    public async Task<IActionResult> RenderAsync(IQueryCollection query, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        await seals.DemandAsync(caller, cancellationToken);
        var message = seals.Find(query["uploaded"]) is { } uploaded ? $"已保存{uploaded.Name}的新印章。"
            : seals.Find(query["unchanged"]) is { } unchanged ? $"上传的图片与{unchanged.Name}当前的印章相同，未保存新版本。" : null;
        return await PageAsync(message, null, StatusCodes.Status200OK, caller, member, cancellationToken);
    }

    /// <summary>An upload from one organisation's form (<c>?organisation=</c>, multipart field <c>file</c>), then 303 back here.</summary>
    public async Task<IActionResult> PostAsync(HttpRequest request, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        await seals.DemandAsync(caller, cancellationToken);
        try
        {
            var holder = seals.Find(request.Query["organisation"]) ?? throw SealWords.UnknownOrganisation(request.Query["organisation"]);
            var stored = await SealUpload.StoreAsync(seals, holder, request, caller, cancellationToken);
            return ApiResult.SeeOther(routes.SealsPage(stored.Created ? "uploaded" : "unchanged", holder.Code));
        }
        catch (ReportingException e) when (e.Kind is not ProblemKind.Forbidden and not ProblemKind.Unauthorized)
        {
            return await PageAsync(null, new { Title = RefusalWording.Title(e), Detail = RefusalWording.Detail(e) }, BrowserRequests.StatusOf(request, e),
                caller, member, cancellationToken);
        }
    }

    private async Task<ApiResult> PageAsync(string? message, object? error, int status, Caller caller, Membership? member, CancellationToken cancellationToken)
    {
        var zone = options.ResolveTimeZone();
        var rows = new List<object>();
        foreach (var (holder, seal) in await seals.ListAsync(caller, cancellationToken))
            rows.Add(new
            {
                holder.Name,
                Use = holder.IsOffice ? "其印章加盖于年度汇编封面" : null,
                Image = seal is null ? null : routes.Seal(holder.Code, seal.Version),
                Version = seal?.Version,
                UploadedBy = seal?.UploadedBy.Name ?? "—",
                UploadedAt = seal is null ? "—" : Words.Time(seal.StoredAt, zone),
                // Where the host seals without an upload (the local host's development seal), the page says so.
                Missing = seal is null && await sealing.IsSealedAsync(holder.Code, cancellationToken) ? "未上传（本机以标有“测试”的开发印章代替）" : "未上传，不加盖印章",
                Action = routes.SealsPageUpload(holder.Code),
            });
        var model = new { Message = message, Error = error, Rows = rows, Requirements = RefusalWording.SealRequirements };
        return ApiResult.Html(pages.Render("印章管理", caller, member, Template, model), status);
    }
}
