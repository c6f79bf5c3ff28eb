using Reporting.Core.Access;
using Reporting.Core.Errors;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>Who signed in is written at most daily per person (sooner when the name changed) and searched by administrators only.</summary>
public class SignedInPeopleTests
{
    private readonly TestWorld _world = new();
    private readonly CountingRegister _register = new();
    private static readonly Caller Admin = new("office-admin", "区法治办管理员");

    private SignedInPeople People => new(_register, _world.Access, _world.Clock);

    [Fact]
    public async Task A_person_is_written_once_per_interval_and_again_when_the_name_changes()
    {
        var people = People;
        var zhang = new Caller("zhang3", "张三");
        await people.RecordAsync(zhang);
        await people.RecordAsync(zhang);
        _world.Clock.Advance(SignedInPeople.RecordInterval - TimeSpan.FromSeconds(1));
        await people.RecordAsync(zhang);
        Assert.Equal(1, _register.Writes);

        await people.RecordAsync(zhang with { Name = "张三丰" });
        Assert.Equal(2, _register.Writes);
        _world.Clock.Advance(SignedInPeople.RecordInterval);
        await people.RecordAsync(zhang with { Name = "张三丰" });
        Assert.Equal(3, _register.Writes);

        await people.RecordAsync(Caller.System);
        Assert.Equal(3, _register.Writes);
        Assert.Equal("张三丰", (await people.NamesAsync(Admin))["zhang3"]);
    }

    [Fact]
    public async Task A_search_finds_part_of_a_name_newest_first_and_only_for_administrators()
    {
        var people = People;
        await people.RecordAsync(new Caller("zhang3", "张三"));
        _world.Clock.Advance(TimeSpan.FromMinutes(5));
        await people.RecordAsync(new Caller("zhang3b", "张三丰"));
        await people.RecordAsync(new Caller("li4", "李四"));

        Assert.Equal(["zhang3b", "zhang3"], (await people.FindAsync("张三", 10, Admin)).Select(p => p.UserId));
        Assert.Equal(["zhang3b"], (await people.FindAsync("张三", 1, Admin)).Select(p => p.UserId));
        Assert.Empty(await people.FindAsync("  ", 10, Admin));
        Assert.Equal(["li4"], (await people.FindAsync("LI", 10, Admin)).Select(p => p.UserId));

        var refused = await Assert.ThrowsAsync<ReportingException>(() => people.FindAsync("张", 10, TestWorld.Office));
        Assert.Equal(ProblemKind.Forbidden, refused.Kind);
    }

    private sealed class CountingRegister : ISignInRegister
    {
        private readonly Dictionary<string, SignedInPerson> _rows = new(StringComparer.Ordinal);

        public int Writes { get; private set; }

        public Task SaveAsync(SignedInPerson person, CancellationToken cancellationToken = default)
        {
            Writes++;
            _rows[person.UserId] = person;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<SignedInPerson>> ListAsync(int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SignedInPerson>>(_rows.Values.Take(limit).ToList());

        public Task<SignedInPerson?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_rows.GetValueOrDefault(userId));
    }
}
