using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Errors;
using Reporting.Core.Verification;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Functions;

/// <summary>
/// 核验 PDF, open to anyone (the one route App Service Authentication leaves out): GET is the upload page; POST takes the
/// file (multipart field <c>file</c>, at most 20 MB) and answers with the page, or JSON when the client asks for it.
/// Nothing is written anywhere and nothing of the file is logged: only its hash is computed, and looked up.
/// </summary>
public sealed class VerifyFunctions(PdfVerifier verifier, VerifyPage page)
{
    [Function("Verify")]
    public async Task<IActionResult> Verify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "verify")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method)) return ApiResult.Html(page.Form());
        var json = request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        string sha256;
        try
        {
            sha256 = await PdfUpload.HashAsync(request, cancellationToken);
        }
        catch (ReportingException e) when (!json)
        {
            // A person at the form reads why on the page, under the status a program would get.
            return ApiResult.Html(page.Refused(e), BrowserRequests.StatusOf(request, e));
        }
        var verified = await verifier.VerifyAsync(sha256, cancellationToken);
        return json ? ApiResult.JsonBody(page.Json(sha256, verified)) : ApiResult.Html(page.Outcome(sha256, verified));
    }
}
