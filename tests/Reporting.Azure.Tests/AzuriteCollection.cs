using Reporting.Core.Directory;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>One real Azurite for every storage test; each test takes its own tables, container and queues.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";

    public static readonly DistrictDirectory Directory = DistrictDirectoryJson.Load(RepoPaths.Fixture("departments.json"));
}
