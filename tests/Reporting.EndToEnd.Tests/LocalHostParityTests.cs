using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Errors;
using Reporting.Functions;
using Reporting.Functions.Functions;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;
using Reporting.LocalHost;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>The local host runs what the Functions host runs: the same functions, parameters and worker middleware.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class LocalHostParityTests(LocalHostFixture app)
{
    [Fact]
    public void Every_function_of_the_app_takes_only_parameters_the_local_host_can_supply()
    {
        var declared = typeof(ReportingServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Count(m => m.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0);

        var discovered = FunctionCatalog.Discover(typeof(ReportingServices).Assembly);

        Assert.Equal(declared, discovered.Count);
        Assert.All(discovered, f => Assert.Equal(f.Method.GetParameters().Length, f.Sources.Length));
    }

    [Theory]
    [InlineData(typeof(TakesALogger), "logger")]
    [InlineData(typeof(TakesAnUnroutedString), "department")]
    [InlineData(typeof(QueueTakesHttpRequest), "request")]
    public void A_function_taking_a_parameter_the_local_host_cannot_supply_stops_discovery_naming_it(Type functions, string parameter)
    {
        var refused = Assert.Throws<NotSupportedException>(() => FunctionCatalog.Discover([functions]));
        Assert.Contains($"'{parameter}'", refused.Message);
    }

    [Fact]
    public void The_catch_all_function_sorts_after_every_other_function_because_Azure_tries_routes_in_name_order()
    {
        var names = FunctionCatalog.Discover(typeof(ReportingServices).Assembly).Select(f => f.Name).ToList();

        Assert.Equal(UnmatchedRouteFunction.Name, names.Order(StringComparer.Ordinal).Last());
    }

    [Fact]
    public void The_catch_all_function_is_the_last_HTTP_function_in_functions_metadata_too()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var http = metadata.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Select(f => f.GetProperty("name").GetString())
            .ToList();

        Assert.Equal(UnmatchedRouteFunction.Name, http.Last());
    }

    [Fact]
    public void The_local_host_runs_the_worker_middleware_the_Functions_app_registers()
    {
        Assert.Contains(typeof(ProblemMiddleware), ReportingMiddleware.Pipeline);
        Assert.All(ReportingMiddleware.Pipeline, type => Assert.NotNull(app.Host.Services.GetService(type)));
    }

    [Theory]
    [InlineData(nameof(Throwing.Refuses), 409, "操作与当前状态冲突")]
    [InlineData(nameof(Throwing.Crashes), 500, "服务器内部错误")]
    public async Task An_exception_escaping_a_function_becomes_problem_json_through_the_apps_own_middleware(string function, int status, string title)
    {
        var descriptor = FunctionCatalog.Discover([typeof(Throwing)]).Single(f => f.Method.Name == function);
        var invoker = app.Host.Services.GetRequiredService<FunctionInvoker>();
        using var scope = app.Host.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = "/api/throwing";
        context.Response.Body = new MemoryStream();

        // Without the middleware the exception would escape here (the local host has no handler of its own any more).
        await invoker.InvokeHttpAsync(descriptor, context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.DoesNotContain("secret", problem.ToString());
    }

    [Fact]
    public async Task A_refusal_of_a_person_at_a_page_comes_from_the_same_middleware_as_a_chinese_page_under_the_same_status()
    {
        var descriptor = FunctionCatalog.Discover([typeof(Throwing)]).Single(f => f.Method.Name == nameof(Throwing.RefusesAPerson));
        var invoker = app.Host.Services.GetRequiredService<FunctionInvoker>();
        using var scope = app.Host.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = "/api/throwing";
        context.Response.Body = new MemoryStream();

        await invoker.InvokeHttpAsync(descriptor, context);

        Assert.Equal(409, context.Response.StatusCode);
        Assert.StartsWith("text/html", context.Response.ContentType);
        Assert.Contains("frame-ancestors 'none'", context.Response.Headers.ContentSecurityPolicy.ToString());
        var html = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("操作与当前状态冲突", html);
        Assert.Contains("回到我的待办", html);
    }

    [Fact]
    public async Task A_refusal_over_HTTP_comes_from_the_middleware_with_an_Allow_header_for_a_wrong_method()
    {
        using var response = await app.Http.GetAsync("api/reports/2023/kgj/sections/duty/drafts/1/approval");

        var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "GET approval");
        Assert.Equal("不支持该请求方法", problem.GetProperty("title").GetString());
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    public sealed class Throwing
    {
        [Function("Refuses")]
        public IActionResult Refuses([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throwing")] HttpRequest request) =>
            throw ReportingException.Conflict("测试：与当前状态冲突。");

        /// <summary>A function for a person at a page: it marks the request, throws, and answers nothing itself.</summary>
        [Function("RefusesAPerson")]
        public IActionResult RefusesAPerson([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throwing")] HttpRequest request)
        {
            new RefusalAsPage().Mark(request);
            throw ReportingException.Conflict("测试：与当前状态冲突。");
        }

        [Function("Crashes")]
        public Task<IActionResult> Crashes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throwing")] HttpRequest request,
            FunctionContext context) =>
            throw new InvalidOperationException("secret internals of " + context.FunctionId);
    }

    public sealed class TakesALogger
    {
        [Function("TakesALogger")]
        public void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "x")] HttpRequest request, Microsoft.Extensions.Logging.ILogger logger) { }
    }

    public sealed class TakesAnUnroutedString
    {
        [Function("TakesAnUnroutedString")]
        public void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{year}")] HttpRequest request, string year, string department) { }
    }

    public sealed class QueueTakesHttpRequest
    {
        [Function("QueueTakesHttpRequest")]
        public void Run([QueueTrigger("q")] string message, HttpRequest request) { }
    }
}
