namespace Reporting.Typesetting.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void One_typesetter_renders_on_many_threads_at_once_with_identical_results()
    {
        var typesetter = Fixtures.Typesetter.Value;
        var document = Fixtures.Kgj2023;
        var expected = typesetter.Render(document).Sha256;
        var hashes = new string[8];
        Parallel.For(0, hashes.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => hashes[i] = typesetter.Render(document).Sha256);
        Assert.All(hashes, h => Assert.Equal(expected, h));
    }

    [Fact]
    public void A_second_typesetter_in_the_same_process_shares_the_font_resolver()
    {
        var other = new GbtTypesetter(FontSet.Load(TypesettingOptions.CreateDefault()));
        Assert.Equal(Fixtures.Typesetter.Value.Render(Fixtures.Kgj2023).Sha256, other.Render(Fixtures.Kgj2023).Sha256);
    }
}
