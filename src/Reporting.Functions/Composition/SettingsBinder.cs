using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Functions.Composition;

/// <summary>
/// Binds the app's options sections for the areas' registrations (see <see cref="BoundSection{T}"/>); every problem
/// goes to the one <see cref="SettingsCheck"/>, so the composition names every wrong setting at once.
/// </summary>
internal sealed class SettingsBinder(IServiceCollection services, SettingsCheck check)
{
    public SettingsCheck Check => check;

    /// <summary>The section <paramref name="section"/> ("Smtp", "Reporting") of <paramref name="configuration"/>, bound to <typeparamref name="T"/>.</summary>
    public BoundSection<T> Bind<T>(IConfiguration configuration, string section) where T : class, new() =>
        new(services, check, configuration.GetSection(section));
}
