using Reporting.Functions.Http;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The app layer without a host: links, pages and notices built from plain objects.</summary>
public sealed class RoutesTests
{
    [Fact]
    public void Routes_take_their_prefix_from_the_repository_host_json()
    {
        var routes = Routes.FromHostJson(Path.Combine(RepoPaths.Root, "host.json"));

        Assert.Equal("/api", routes.Prefix);
        Assert.Equal("/api/reports/2023/kgj/pdf?version=2", routes.ReportPdf(2023, "kgj", 2));
    }

    [Fact]
    public void A_changed_route_prefix_changes_every_link()
    {
        var file = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "fz/" } } }""");
        try
        {
            var routes = Routes.FromHostJson(file);
            Assert.Equal("/fz/todo?year=2023", routes.Todo(2023));
            Assert.Equal("/fz/form?year=2023&department=kgj&section=duty", routes.Form(2023, "kgj", "duty"));
            Assert.Equal("/fz/dev/sign-in?returnUrl=%2Ffz%2Ftodo", routes.SignIn("/fz/todo"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
