using Microsoft.Extensions.DependencyInjection;

namespace Reporting.LocalHost;

/// <summary>
/// Wraps a service the Functions app registered with the local host's own version of it, whichever way the app
/// registered it (an instance, a factory or a type): the last registration wins, and it builds on the app's.
/// </summary>
internal static class ServiceDecoration
{
    /// <exception cref="InvalidOperationException">nothing of <typeparamref name="T"/> is registered yet (AddReporting first).</exception>
    public static void Decorate<T>(IServiceCollection services, Func<T, IServiceProvider, T> decorate) where T : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"No {typeof(T).Name} is registered to decorate: call AddReporting first.");
        services.AddSingleton(sp => decorate(Resolve<T>(sp, registered), sp));
    }

    private static T Resolve<T>(IServiceProvider services, ServiceDescriptor registered) where T : class =>
        registered.ImplementationInstance as T
        ?? registered.ImplementationFactory?.Invoke(services) as T
        ?? (T)ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);
}
