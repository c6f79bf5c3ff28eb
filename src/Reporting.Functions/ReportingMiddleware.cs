using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Telemetry;

namespace Reporting.Functions;

/// <summary>
/// The app's worker middleware, outermost first. Program.cs registers exactly this list with the Functions
/// worker and Reporting.LocalHost runs the same list around every invocation, so the error handling that
/// serves Azure is the one the local host and its tests exercise.
/// </summary>
public static class ReportingMiddleware
{
    public static readonly IReadOnlyList<Type> Pipeline = [typeof(ProblemMiddleware), typeof(SignInRecordingMiddleware), typeof(PoisonCountingMiddleware)];

    public static IFunctionsWorkerApplicationBuilder UseReportingMiddleware(this IFunctionsWorkerApplicationBuilder builder)
    {
        // UseMiddleware<T> is the worker's only way to register a class middleware with its own lifetime handling.
        var use = typeof(MiddlewareWorkerApplicationBuilderExtensions).GetMethods()
            .Single(m => m.Name == nameof(MiddlewareWorkerApplicationBuilderExtensions.UseMiddleware) && m.IsGenericMethodDefinition);
        foreach (var middleware in Pipeline) use.MakeGenericMethod(middleware).Invoke(null, [builder]);
        return builder;
    }
}
