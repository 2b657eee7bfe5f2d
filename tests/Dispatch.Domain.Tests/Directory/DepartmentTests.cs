using Dispatch.Domain.Directory;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Directory;

public sealed class DepartmentTests
{
    [Fact]
    public void Create_Valid_KeepsCodeAndName()
    {
        var department = new Department(Actors.SanitationDepartment, "SANITATION", "Sanitation team");

        Assert.Equal(Actors.SanitationDepartment, department.Id);
        Assert.Equal("SANITATION", department.Code);
        Assert.Equal("Sanitation team", department.Name);
    }

    [Theory]
    [InlineData("", "Name", "code")]
    [InlineData("THIS-CODE-IS-FAR-TOO-LONG-FOR-THE-LIMIT", "Name", "code")]
    [InlineData("SAN", " ", "name")]
    public void Create_InvalidText_IsRejected(string code, string name, string field)
    {
        DomainAssert.RejectsInput(field, () => new Department(Actors.SanitationDepartment, code, name));
    }

    [Fact]
    public void Create_EmptyId_IsRejected()
    {
        DomainAssert.RejectsInput("id", () => new Department(Guid.Empty, "SAN", "Sanitation"));
    }

    [Fact]
    public void Update_Invalid_ChangesNothing()
    {
        var department = new Department(Actors.SanitationDepartment, "SAN", "Sanitation");

        DomainAssert.RejectsInput("name", () => department.Update("SAN2", ""));
        department.Update("SAFETY", "Safety team");

        Assert.Equal("SAFETY", department.Code);
        Assert.Equal("Safety team", department.Name);
    }
}
