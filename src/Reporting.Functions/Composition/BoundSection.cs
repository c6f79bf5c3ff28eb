using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reporting.Functions.Composition;

/// <summary>
/// One options section: registered as <see cref="IOptions{TOptions}"/> bound from configuration, with its validator and
/// <c>ValidateOnStart</c>, and as <typeparamref name="T"/> itself for the classes that take their options plainly. It is
/// also bound and validated at once by the same validator, so a wrong setting stops the composition (not a request).
/// </summary>
internal sealed class BoundSection<T>(IServiceCollection services, SettingsCheck check, IConfigurationSection section) where T : class, new()
{
    /// <param name="what">What the section holds, named when a value cannot be bound at all (“邮件设置”).</param>
    /// <param name="validator">Its rules, each failure a zh-CN line naming the setting.</param>
    /// <param name="configure">Settings read from outside the section (applied after binding, before validation).</param>
    /// <returns>The options as bound now, or null when they could not be bound (the check has recorded why).</returns>
    public T? Validated(string what, IValidateOptions<T>? validator = null, Action<T>? configure = null)
    {
        var options = services.AddOptions<T>().Bind(section);
        if (configure is not null) options.PostConfigure(configure);
        options.ValidateOnStart();
        if (validator is not null) services.AddSingleton(validator);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);

        var now = check.Read(section.Path.Replace(":", "__", StringComparison.Ordinal), what, () =>
        {
            var bound = new T();
            section.Bind(bound);
            configure?.Invoke(bound);
            return bound;
        });
        if (now is not null && validator is not null) check.Validate(now, validator);
        return now;
    }
}
