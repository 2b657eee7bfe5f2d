using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Routing;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Routing;

public sealed class RoutingRuleTests
{
    private static readonly GridId Grid = GridId.Parse("110105001002003");

    [Fact]
    public void Create_ForAGrid_KeepsCategoryGridAndDepartment()
    {
        var rule = new RoutingRule("0204", Grid, Actors.SanitationDepartment, CategoryCatalogue.Default);

        Assert.Equal("0204", rule.CategoryCode);
        Assert.Equal(Grid, rule.GridId);
        Assert.Equal(Grid.Value, rule.GridScope);
        Assert.False(rule.AppliesToAnyGrid);
        Assert.Equal(Actors.SanitationDepartment, rule.DepartmentId);
    }

    [Fact]
    public void Create_WithoutGrid_AppliesToAnyGrid()
    {
        var rule = new RoutingRule("02", null, Actors.SanitationDepartment, CategoryCatalogue.Default);

        Assert.Null(rule.GridId);
        Assert.Equal(RoutingRule.AnyGrid, rule.GridScope);
        Assert.True(rule.AppliesToAnyGrid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0299")]
    [InlineData("99")]
    [InlineData("2")]
    public void Create_CategoryNotInTheCatalogue_IsRejected(string code)
    {
        DomainAssert.RejectsInput("categoryCode", () => new RoutingRule(code, Grid, Actors.SanitationDepartment, CategoryCatalogue.Default));
    }

    [Fact]
    public void Create_EmptyDepartment_IsRejected()
    {
        DomainAssert.RejectsInput("departmentId", () => new RoutingRule("02", null, Guid.Empty, CategoryCatalogue.Default));
    }

    [Fact]
    public void RouteTo_AnotherDepartment_ChangesOnlyTheDepartment()
    {
        var rule = new RoutingRule("02", Grid, Actors.SanitationDepartment, CategoryCatalogue.Default);

        rule.RouteTo(Actors.SafetyDepartment);

        Assert.Equal(Actors.SafetyDepartment, rule.DepartmentId);
        Assert.Equal(("02", Grid.Value), (rule.CategoryCode, rule.GridScope));
    }

    [Fact]
    public void RouteTo_EmptyDepartment_IsRejectedAndChangesNothing()
    {
        var rule = new RoutingRule("02", Grid, Actors.SanitationDepartment, CategoryCatalogue.Default);

        DomainAssert.RejectsInput("departmentId", () => rule.RouteTo(Guid.Empty));

        Assert.Equal(Actors.SanitationDepartment, rule.DepartmentId);
    }
}
