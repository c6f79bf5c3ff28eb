using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

namespace Reporting.LocalHost;

/// <summary>
/// Finds the [Function] methods of the Functions assembly and reads their trigger attributes, so the local
/// host serves exactly the routes, queues and schedules the Functions app declares, with no second list.
/// Every parameter must be one the local host can supply; a function that takes anything else stops start-up
/// (and fails a test) instead of working in Azure and failing only here, or the other way round.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly) => Discover(assembly.GetTypes());

    public static IReadOnlyList<FunctionDescriptor> Discover(IEnumerable<Type> types) =>
        types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x => Describe(x.Function!.Name, x.Method))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        var (kind, target, methods, runOnStartup, trigger) = Trigger(name, method);
        var routeValues = kind == TriggerKind.Http
            ? TemplateParser.Parse(target).Parameters.Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var sources = method.GetParameters().Select(p => Source(name, kind, p, trigger, routeValues)).ToArray();
        return new FunctionDescriptor(name, method, kind, target, methods, sources, runOnStartup);
    }

    private static (TriggerKind, string, string[], bool, ParameterInfo) Trigger(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            switch (parameter.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal)))
            {
                case HttpTriggerAttribute http:
                    return (TriggerKind.Http, http.Route ?? name, http.Methods ?? ["get", "post"], false, parameter);
                case QueueTriggerAttribute queue:
                    return (TriggerKind.Queue, queue.QueueName, [], false, parameter);
                case TimerTriggerAttribute timer:
                    return (TriggerKind.Timer, timer.Schedule, [], timer.RunOnStartup, parameter);
                case { } other:
                    throw new NotSupportedException($"Function {name}: the local host does not support {other.GetType().Name}.");
            }
        }
        throw new NotSupportedException($"Function {name} has no trigger parameter.");
    }

    /// <summary>How the local host fills one parameter; the invoker binds by this and nothing else.</summary>
    private static ParameterSource Source(string function, TriggerKind kind, ParameterInfo parameter, ParameterInfo trigger, HashSet<string> routeValues)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken)) return ParameterSource.CancellationToken;
        if (type == typeof(FunctionContext)) return ParameterSource.FunctionContext;
        if (kind == TriggerKind.Http)
        {
            if (type == typeof(HttpRequest)) return ParameterSource.HttpRequest;
            if (type == typeof(HttpContext)) return ParameterSource.HttpContext;
            if (type == typeof(string) && routeValues.Contains(parameter.Name!)) return ParameterSource.RouteValue;
        }
        // By position, not reference: two hosts discovering at once can get different ParameterInfo objects for one parameter
        // (the runtime caches a method's parameters racily), and a reference test then fails to see the trigger.
        else if (parameter.Position == trigger.Position && (kind == TriggerKind.Queue ? type == typeof(string) : type == typeof(TimerInfo)))
            return ParameterSource.Trigger;
        throw new NotSupportedException(
            $"Function {function}: the local host cannot supply parameter '{parameter.Name}' of type {type.Name}. " +
            "It supplies HttpRequest, HttpContext, route values as string, a queue message as string, TimerInfo, FunctionContext and CancellationToken.");
    }
}

public enum TriggerKind
{
    Http,
    Queue,
    Timer,
}

public enum ParameterSource
{
    HttpRequest,
    HttpContext,
    RouteValue,
    Trigger,
    FunctionContext,
    CancellationToken,
}

/// <param name="Target">The route (HTTP), queue name (queue) or NCRONTAB schedule (timer, may be a %setting%).</param>
/// <param name="Sources">How each of the method's parameters is supplied, in order.</param>
public sealed record FunctionDescriptor(
    string Name, MethodInfo Method, TriggerKind Kind, string Target, string[] HttpMethods, ParameterSource[] Sources, bool RunOnStartup = false);
