using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Reporting.LocalHost;

/// <summary>
/// Finds the [Function] methods of the Functions assembly and reads their trigger attributes, so the local
/// host serves exactly the routes, queues and schedules the Functions app declares, with no second list.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x => Describe(x.Function!.Name, x.Method))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            switch (parameter.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal)))
            {
                case HttpTriggerAttribute http:
                    return new FunctionDescriptor(name, method, TriggerKind.Http, http.Route ?? name, http.Methods ?? ["get", "post"]);
                case QueueTriggerAttribute queue:
                    return new FunctionDescriptor(name, method, TriggerKind.Queue, queue.QueueName, []);
                case TimerTriggerAttribute timer:
                    return new FunctionDescriptor(name, method, TriggerKind.Timer, timer.Schedule, [], timer.RunOnStartup);
                case { } other:
                    throw new NotSupportedException($"Function {name}: the local host does not support {other.GetType().Name}.");
            }
        }
        throw new NotSupportedException($"Function {name} has no trigger parameter.");
    }
}

public enum TriggerKind
{
    Http,
    Queue,
    Timer,
}

/// <param name="Target">The route (HTTP), queue name (queue) or NCRONTAB schedule (timer, may be a %setting%).</param>
public sealed record FunctionDescriptor(string Name, MethodInfo Method, TriggerKind Kind, string Target, string[] HttpMethods, bool RunOnStartup = false);
