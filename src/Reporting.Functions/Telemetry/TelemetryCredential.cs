using Azure.Core;
using Azure.Identity;

namespace Reporting.Functions.Telemetry;

/// <summary>
/// The credential the exporter sends telemetry with, read from APPLICATIONINSIGHTS_AUTHENTICATION_STRING as the
/// Functions host reads it ("ClientId=&lt;identity&gt;;Authorization=AAD"): the Application Insights component has local
/// authentication disabled, so without an Entra token every export would be refused.
/// </summary>
public static class TelemetryCredential
{
    /// <returns>Null when the string asks for no Entra authentication (the connection string alone is used).</returns>
    public static TokenCredential? FromAuthenticationString(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication)) return null;
        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var mode) || !mode.Equals("AAD", StringComparison.OrdinalIgnoreCase)) return null;
        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
