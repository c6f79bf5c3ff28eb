using Microsoft.Azure.Functions.Worker;

namespace Reporting.LocalHost;

/// <summary>
/// The <see cref="FunctionContext"/> the local host hands the app's worker middleware and functions: the same
/// items the ASP.NET Core integration sets (the HttpContext under its key), the invocation's services and its
/// cancellation, and the binding data the local trigger knows (a queue message's DequeueCount and Id). What only the
/// Functions host can know (retry and trace context, the function definition) is refused loudly rather than faked.
/// </summary>
internal sealed class LocalFunctionContext(FunctionDescriptor function, IServiceProvider services, CancellationToken cancellationToken,
    IReadOnlyDictionary<string, object?>? bindingData = null) : FunctionContext
{
    /// <summary>The Items key under which the ASP.NET Core integration stores the request's HttpContext (read by GetHttpContext()).</summary>
    public const string HttpContextKey = "HttpRequestContext";

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => function.Name;
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();
    public override CancellationToken CancellationToken => cancellationToken;
    public override TraceContext TraceContext => throw Unsupported(nameof(TraceContext));
    public override BindingContext BindingContext { get; } = new LocalBindingContext(bindingData ?? new Dictionary<string, object?>());
    public override RetryContext RetryContext => throw Unsupported(nameof(RetryContext));
    public override FunctionDefinition FunctionDefinition => throw Unsupported(nameof(FunctionDefinition));

    private NotSupportedException Unsupported(string member) =>
        new($"Function {function.Name}: the local host does not supply FunctionContext.{member}.");

    private sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data;
    }

    private sealed class LocalInvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance)
        {
            if (instance is null) _features.Remove(typeof(T));
            else _features[typeof(T)] = instance;
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
