using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions.Http;

namespace Reporting.Functions.Functions;

/// <summary>The OpenAPI document of the HTTP API, for anyone (it describes what exists, not what anyone may do).</summary>
public sealed class OpenApiFunction(Routes routes)
{
    [Function("GetOpenApiDocument")]
    public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        ApiResult.JsonBody(OpenApiDocument.For(routes));
}
