namespace Reporting.Typesetting.Tests;

public class SmokeTests
{
    [Fact]
    public void The_fixture_renders_to_a_pdf()
    {
        var pdf = Fixtures.Typesetter.Value.Render(Fixtures.Kgj2023);
        Directory.CreateDirectory("/tmp/typeset");
        File.WriteAllBytes("/tmp/typeset/kgj-2023.pdf", pdf.Content);
        Assert.True(pdf.PageCount >= 2);
    }
}

public class StressSmokeTests
{
    [Fact]
    public void The_stress_report_renders_to_a_pdf()
    {
        var pdf = Fixtures.Typesetter.Value.Render(StressReport.Build());
        Directory.CreateDirectory("/tmp/typeset");
        File.WriteAllBytes("/tmp/typeset/stress.pdf", pdf.Content);
        Assert.True(pdf.PageCount >= 2);
    }
}
