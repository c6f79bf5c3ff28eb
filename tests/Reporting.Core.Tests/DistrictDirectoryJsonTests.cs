using Reporting.Core.Directory;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

public class DistrictDirectoryJsonTests
{
    private static string Json(string departments) =>
        $$"""{ "district": "魏都区", "office": { "name": "办公室", "email": "fzb@example.cn" }, "departments": [ {{departments}} ] }""";

    [Fact]
    public void The_shared_directory_has_24_departments_with_kgj_named_in_full()
    {
        var directory = DistrictDirectoryJson.Load(RepoPaths.Fixture("departments.json"));

        Assert.Equal("魏都区", directory.District);
        Assert.Equal(24, directory.Departments.Count);
        Assert.Equal(new Department("kgj", "魏都区科学技术和工业信息化局", "魏都区科工局"), directory.Find("kgj"));
        Assert.Equal(new DistrictOffice("魏都区法治政府建设领导小组办公室", "区法治政府建设领导小组办公室", "fzb@weidu.example.gov.cn"), directory.Office);
        Assert.Null(directory.Find("KGJ"));
    }

    [Fact]
    public void The_office_email_can_be_overridden_and_the_salutation_defaults_to_the_name()
    {
        var directory = DistrictDirectoryJson.Parse(Json("""{ "code": "kgj", "name": "科工局" }"""), "office@test.cn");

        Assert.Equal(new DistrictOffice("办公室", "办公室", "office@test.cn"), directory.Office);
    }

    [Fact]
    public void A_duplicate_department_code_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            DistrictDirectoryJson.Parse(Json("""{ "code": "kgj", "name": "科工局" }, { "code": "sfj", "name": "司法局" }, { "code": "kgj", "name": "另一个" }""")));

        Assert.Contains("'kgj' appears twice", e.Message);
    }

    [Theory]
    [InlineData("KGJ")]
    [InlineData("kgj/x")]
    [InlineData("../kgj")]
    [InlineData("kgj'")]
    [InlineData("")]
    [InlineData("kgj-")]
    public void A_department_code_that_is_not_a_slug_is_refused(string code)
    {
        var e = Assert.Throws<InvalidDataException>(() => DistrictDirectoryJson.Parse(Json($$"""{ "code": "{{code}}", "name": "科工局" }""")));

        Assert.Contains("slug", e.Message);
    }

    [Theory]
    [InlineData("""{ "district": "魏都区", "office": { "name": "办公室", "email": "a@b.cn" }, "departments": [] }""")]
    [InlineData("""{ "district": "魏都区", "departments": [ { "code": "kgj", "name": "科工局" } ] }""")]
    [InlineData("""{ "district": " ", "office": { "name": "办公室", "email": "a@b.cn" }, "departments": [ { "code": "kgj", "name": "科工局" } ] }""")]
    public void A_file_without_district_office_or_departments_is_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => DistrictDirectoryJson.Parse(json));
    }

    [Theory]
    [InlineData("""{ "name": "办公室" }""")]
    [InlineData("""{ "name": "办公室", "email": " " }""")]
    [InlineData("""{ "name": "办公室", "email": "not an address" }""")]
    [InlineData("""{ "email": "fzb@example.cn" }""")]
    public void An_office_without_a_name_or_a_valid_email_address_is_refused(string office)
    {
        var json = $$"""{ "district": "魏都区", "office": {{office}}, "departments": [ { "code": "kgj", "name": "科工局" } ] }""";

        var e = Assert.Throws<InvalidDataException>(() => DistrictDirectoryJson.Parse(json));

        Assert.Contains("office", e.Message);
    }

    [Fact]
    public void An_office_email_given_by_configuration_stands_in_for_a_missing_one()
    {
        var json = """{ "district": "魏都区", "office": { "name": "办公室" }, "departments": [ { "code": "kgj", "name": "科工局" } ] }""";

        Assert.Equal("office@test.cn", DistrictDirectoryJson.Parse(json, "office@test.cn").Office.Email);
    }

    [Fact]
    public void A_department_without_a_name_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => DistrictDirectoryJson.Parse(Json("""{ "code": "kgj", "name": " " }""")));
    }

    [Fact]
    public void A_missing_file_is_reported_by_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => DistrictDirectoryJson.Load("/nonexistent/departments.json"));

        Assert.Equal("/nonexistent/departments.json", e.FileName);
    }
}
