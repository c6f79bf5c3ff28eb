using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.LocalHost;

/// <summary>
/// Calls a function method the way the Functions worker would: a fresh instance of its class from the
/// container per invocation, trigger data and route values bound to parameters by type and name.
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services)
{
    public async Task InvokeHttpAsync(FunctionDescriptor function, HttpContext context)
    {
        var arguments = function.Method.GetParameters().Select<System.Reflection.ParameterInfo, object?>(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => context.Request,
            var t when t == typeof(HttpContext) => context,
            var t when t == typeof(CancellationToken) => context.RequestAborted,
            var t when t == typeof(string) => context.GetRouteValue(p.Name!)?.ToString(),
            _ => throw new NotSupportedException($"{function.Name}: cannot bind parameter {p.Name} of type {p.ParameterType.Name}."),
        }).ToArray();
        var result = await InvokeAsync(function, arguments, context.RequestServices);
        if (result is IActionResult action)
            await action.ExecuteResultAsync(new ActionContext { HttpContext = context, RouteData = context.GetRouteData() });
    }

    public async Task InvokeTriggerAsync(FunctionDescriptor function, object trigger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var arguments = function.Method.GetParameters().Select<System.Reflection.ParameterInfo, object?>(p => p.ParameterType switch
        {
            var t when t == typeof(CancellationToken) => cancellationToken,
            var t when t.IsInstanceOfType(trigger) => trigger,
            _ => throw new NotSupportedException($"{function.Name}: cannot bind parameter {p.Name} of type {p.ParameterType.Name}."),
        }).ToArray();
        await InvokeAsync(function, arguments, scope.ServiceProvider);
    }

    private static async Task<object?> InvokeAsync(FunctionDescriptor function, object?[] arguments, IServiceProvider scope)
    {
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope, function.Method.DeclaringType!);
        object? returned;
        try
        {
            returned = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        if (returned is not Task task) return returned;
        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }
}
