using Xunit;
using Xunit.Abstractions;

// xUnit 2.8+ runs at most as many collections at once as there are cores, and a started collection keeps its slot to
// the end. The shared-host collection is the longest (its classes run one after another), so it takes the first slot
// at once instead of waiting behind classes with hosts of their own (on two cores it waited 143 s of a 618 s run);
// those share the other slots beside it.
[assembly: TestCollectionOrderer("Reporting.EndToEnd.Tests.SharedHostFirst", "Reporting.EndToEnd.Tests")]

namespace Reporting.EndToEnd.Tests;

/// <summary>Orders the shared-host collection first, then the other collections by name.</summary>
public sealed class SharedHostFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(collection => collection.DisplayName == LocalHostCollection.Name ? 0 : 1)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
