using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Core.Publication;

namespace Reporting.Functions.Composition;

/// <summary>
/// When the app starts (the Functions worker in Azure, the local host on this machine), the public site gets its root index
/// (尚无已公开的报告 until something is published; an index publication wrote is kept) and its 404 page, so neither the
/// root nor a withdrawn report's address ever answers with the storage service's own XML. Here rather than in a deployment
/// hook: the pages are the app's own templates with the district's names, and the app's identity already writes the public
/// container (Entra ID, no key). Storage that does not answer leaves a warning, not a host that will not start: the next
/// publication writes both files anyway. The publisher is resolved when the host starts, not when it lists its services, so a
/// bad setting is still reported by the start's validation of every setting, all of them at once.
/// </summary>
internal sealed class PublicSitePreparation(IServiceProvider services, ILogger<PublicSitePreparation> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var publisher = services.GetRequiredService<ReportPublisher>();
        try
        {
            await publisher.PrepareSiteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The public site's index.html and 404.html could not be written at start-up; the next publication writes them");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
