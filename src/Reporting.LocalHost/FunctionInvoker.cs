using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Functions;

namespace Reporting.LocalHost;

/// <summary>
/// Calls a function method the way the Functions worker would: through the app's own worker middleware
/// (<see cref="ReportingMiddleware.Pipeline"/>), a fresh instance of its class from the container per invocation,
/// parameters filled as the catalog decided. As with the ASP.NET Core integration, an HTTP function's result is
/// executed after the middleware has returned.
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services)
{
    public async Task InvokeHttpAsync(FunctionDescriptor function, HttpContext context)
    {
        var invocation = new LocalFunctionContext(function, context.RequestServices, context.RequestAborted);
        invocation.Items[LocalFunctionContext.HttpContextKey] = context;
        var result = await RunPipelineAsync(function, invocation, (source, parameter) => source switch
        {
            ParameterSource.HttpRequest => context.Request,
            ParameterSource.HttpContext => context,
            ParameterSource.RouteValue => context.GetRouteValue(parameter.Name!)?.ToString(),
            _ => null,
        });
        if (result is IActionResult action)
            await action.ExecuteResultAsync(new ActionContext { HttpContext = context, RouteData = context.GetRouteData() });
    }

    /// <param name="bindingData">What the trigger tells the invocation besides its payload (a queue message's DequeueCount).</param>
    public async Task InvokeTriggerAsync(FunctionDescriptor function, object trigger, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, object?>? bindingData = null)
    {
        await using var scope = services.CreateAsyncScope();
        var invocation = new LocalFunctionContext(function, scope.ServiceProvider, cancellationToken, bindingData);
        await RunPipelineAsync(function, invocation, (source, _) => source == ParameterSource.Trigger ? trigger : null);
    }

    private static async Task<object?> RunPipelineAsync(
        FunctionDescriptor function, LocalFunctionContext invocation, Func<ParameterSource, ParameterInfo, object?> supply)
    {
        object? result = null;
        FunctionExecutionDelegate pipeline = async context =>
        {
            var parameters = function.Method.GetParameters();
            var arguments = function.Sources.Select((source, i) => source switch
            {
                ParameterSource.CancellationToken => context.CancellationToken,
                ParameterSource.FunctionContext => context,
                _ => supply(source, parameters[i]),
            }).ToArray();
            result = await InvokeAsync(function, arguments, context.InstanceServices);
        };
        foreach (var type in ReportingMiddleware.Pipeline.Reverse())
        {
            var middleware = (IFunctionsWorkerMiddleware)invocation.InstanceServices.GetRequiredService(type);
            var next = pipeline;
            pipeline = context => middleware.Invoke(context, next);
        }
        await pipeline(invocation);
        return result;
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
