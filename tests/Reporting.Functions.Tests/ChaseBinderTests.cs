using Reporting.Core.Calendar;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Tests;
using Reporting.Functions.Requests;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The HTTP edge reads a 催报 into Core's typed command and refuses malformed fields itself, all at once.</summary>
public class ChaseBinderTests
{
    private readonly TestWorld _world = new();

    private ReportingException Refused(string? department, string? id, string? note) =>
        Assert.Throws<ReportingException>(() => ChaseBinder.Bind(2023, department, id, note, _world.Directory));

    [Fact]
    public void A_well_formed_chase_becomes_a_typed_command_with_the_note_trimmed_to_line_feeds()
    {
        var command = ChaseBinder.Bind(2023, "mzj", " a1b2c3d4e5 ", "  请本周内完成。\r\n谢谢。 ", _world.Directory);

        Assert.Equal(new ChaseDepartmentCommand(new ReportKey(2023, "mzj"), "a1b2c3d4e5", "请本周内完成。\n谢谢。"), command);
        Assert.Null(ChaseBinder.Bind(2023, "mzj", "a1b2c3d4e5", "   ", _world.Directory).Note);
    }

    [Theory]
    [InlineData("mzj", "short", null, "id", RefusalCode.ChaseIdMalformed)]
    [InlineData("mzj", "a1b2c\nd4e5", null, "id", RefusalCode.ChaseIdMalformed)]
    [InlineData("mzj", null, null, "id", RefusalCode.ChaseIdMalformed)]
    [InlineData("nosuch", "a1b2c3d4e5", null, "department", RefusalCode.ChaseDepartmentUnknown)]
    [InlineData("MZJ", "a1b2c3d4e5", null, "department", RefusalCode.ChaseDepartmentUnknown)]
    [InlineData("mzj", "a1b2c3d4e5", "\u0007铃", "message", RefusalCode.ChaseNoteHasControl)]
    public void A_chase_with_bad_input_is_refused_naming_the_field_with_its_code(string department, string? id, string? note, string field, string code)
    {
        var e = Refused(department, id, note);

        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Equal(code, Assert.Single(e.Errors[field]).Code);
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused_with_the_limit_and_every_bad_field_at_once()
    {
        var e = Refused("nosuch", "x", new string('催', ChaseBinder.MaxNoteLength + 1));

        Assert.Equal(["department", "id", "message"], e.Errors.Keys.Order());
        Assert.Equal(Refusal.Of(RefusalCode.ChaseNoteTooLong, ChaseBinder.MaxNoteLength), Assert.Single(e.Errors["message"]));
        Assert.Equal(ChaseBinder.MaxNoteLength, ChaseBinder.Bind(2023, "mzj", "a1b2c3d4e5", new string('催', ChaseBinder.MaxNoteLength), _world.Directory)
            .Note!.Length);
    }
}
