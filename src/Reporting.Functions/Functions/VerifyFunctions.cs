using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Errors;
using Reporting.Core.Verification;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;
using Reporting.Functions.Requests;
using Reporting.Typesetting.Signing;

namespace Reporting.Functions.Functions;

/// <summary>
/// 核验 PDF, open to anyone (the one route App Service Authentication leaves out): GET is the upload page; POST takes the
/// file (multipart field <c>file</c>, at most 20 MB) and answers with the page, or JSON when the client asks for it.
/// Nothing is written anywhere and nothing of the file is logged: its hash is computed and looked up, and when it is
/// found its signature (the file's last bytes, held for the request) says who signed it and when.
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
        PdfUpload.Upload upload;
        try
        {
            upload = await PdfUpload.ReadAsync(request, cancellationToken);
        }
        catch (ReportingException e) when (!json)
        {
            // A person at the form reads why on the page, under the status a program would get.
            return ApiResult.Html(page.Refused(e), BrowserRequests.StatusOf(request, e));
        }
        var sha256 = upload.Sha256;
        var verified = await verifier.VerifyAsync(sha256, cancellationToken);
        // A copy found is byte for byte the stored file, so its own signature tells who signed the stored one and when
        // (for files filed before the index held these facts too).
        if (verified is { Pdf: var pdf } && SignatureFacts.Read(upload.Tail) is { } signature)
            verified = verified with { Pdf = pdf with { Signer = pdf.Signer ?? signature.Signer, SignedAt = pdf.SignedAt ?? signature.SignedAt } };
        return json ? ApiResult.JsonBody(page.Json(sha256, verified)) : ApiResult.Html(page.Outcome(sha256, verified));
    }
}
