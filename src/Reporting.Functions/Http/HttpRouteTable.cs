using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

namespace Reporting.Functions.Http;

/// <summary>
/// The routes the app's HTTP functions declare, read from their trigger attributes, so a request that matched
/// none of them can be told apart: a path no function serves (404) or a path served under other methods (405).
/// </summary>
public sealed class HttpRouteTable
{
    private readonly IReadOnlyList<(TemplateMatcher Matcher, string[] Methods)> _routes;

    private HttpRouteTable(IReadOnlyList<(TemplateMatcher, string[])> routes) => _routes = routes;

    public static HttpRouteTable Of(Assembly assembly, string excludeFunction) => new(
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is { } f && f.Name != excludeFunction)
            .SelectMany(m => m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>())
            .Where(t => t.Route is not null)
            .Select(t => (new TemplateMatcher(TemplateParser.Parse(t.Route!), new RouteValueDictionary()),
                (t.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToArray()))
            .ToList());

    /// <summary>The methods any route matching <paramref name="path"/> (below the route prefix) takes; empty when none matches.</summary>
    public IReadOnlyList<string> MethodsFor(string path)
    {
        var candidate = new PathString("/" + path.TrimStart('/'));
        return _routes.Where(r => r.Matcher.TryMatch(candidate, new RouteValueDictionary())).SelectMany(r => r.Methods).Distinct()
            .Order(StringComparer.Ordinal).ToList();
    }
}
