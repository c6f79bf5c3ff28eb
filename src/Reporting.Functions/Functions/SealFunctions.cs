using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Seals;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Pages;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Functions;

/// <summary>
/// The organisations' seal images, for district-office administrators: PUT one (the PNG as the body, or multipart field
/// <c>file</c>), GET the newest (or <c>?version=n</c>) as image/png, or its facts as JSON when the client asks for JSON.
/// </summary>
public sealed class SealFunctions(SealAdministration seals, CallerResolver callers, Routes routes)
{
    [Function("ListSeals")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "seals")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = await DemandAsync(request, cancellationToken);
        var list = await seals.ListAsync(caller, cancellationToken);
        return ApiResult.JsonBody(list.Select(o => new
        {
            organisation = o.Organisation.Code,
            name = o.Organisation.Name,
            seal = o.Seal is null ? null : View(o.Organisation, o.Seal),
        }).ToList());
    }

    /// <summary>The seal image; <c>Accept: application/json</c> gets the version's facts instead.</summary>
    [Function("GetSeal")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "seals/{organisation}")] HttpRequest request,
        string organisation, CancellationToken cancellationToken)
    {
        var caller = await DemandAsync(request, cancellationToken);
        var holder = seals.Find(organisation) ?? throw SealWords.UnknownOrganisation(organisation);
        var version = Version(request.Query["version"]);
        var file = await seals.ReadAsync(holder, version, caller, cancellationToken) ?? throw SealWords.NoSeal(holder, version);
        return request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
            ? ApiResult.JsonBody(View(holder, file.Seal))
            : ApiResult.Image(file.Png, "image/png");
    }

    /// <summary>201 and the new version; 200 and the newest version when the image is it already (nothing new is stored).</summary>
    [Function("PutSeal")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "seals/{organisation}")] HttpRequest request,
        string organisation, CancellationToken cancellationToken)
    {
        var caller = await DemandAsync(request, cancellationToken);
        var holder = seals.Find(organisation) ?? throw SealWords.UnknownOrganisation(organisation);
        var stored = await SealUpload.StoreAsync(seals, holder, request, caller, cancellationToken);
        return stored.Created
            ? ApiResult.JsonBody(View(holder, stored), StatusCodes.Status201Created, routes.Seal(holder.Code, stored.Version))
            : ApiResult.JsonBody(View(holder, stored));
    }

    /// <summary>
    /// The caller, once 印章管理's access rule lets them in: checked first, so nobody learns of an organisation or sends an
    /// image they may not upload, and refused in the seal's words.
    /// </summary>
    private async Task<Core.Access.Caller> DemandAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        await seals.DemandAsync(caller, cancellationToken);
        return caller;
    }

    private object View(SealOrganisation holder, StoredSeal seal) => new
    {
        organisation = holder.Code,
        name = holder.Name,
        version = seal.Version,
        sha256 = seal.Sha256,
        length = seal.Length,
        uploadedById = seal.UploadedBy.Id,
        uploadedBy = seal.UploadedBy.Name,
        uploadedAt = seal.StoredAt,
        created = seal.Created,
        url = routes.Seal(holder.Code, seal.Version),
    };

    private static int? Version(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw ReportingException.Invalid("version", EdgeRefusalCode.SealVersionNotPositive);
}
