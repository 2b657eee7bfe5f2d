using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Routing;

namespace Dispatch.Domain.Tests.Routing;

public sealed class RoutingRuleChooserTests
{
    private static readonly GridId CaseGrid = GridId.Parse("110105001002003");
    private static readonly GridId OtherGrid = GridId.Parse("110105001002004");

    private static readonly Guid LeafHere = new("00000000-0000-0000-0000-00000000d001");
    private static readonly Guid ParentHere = new("00000000-0000-0000-0000-00000000d002");
    private static readonly Guid LeafAnywhere = new("00000000-0000-0000-0000-00000000d003");
    private static readonly Guid ParentAnywhere = new("00000000-0000-0000-0000-00000000d004");

    private static readonly RoutingRule[] AllFour =
    [
        Rule("02", null, ParentAnywhere),
        Rule("0204", null, LeafAnywhere),
        Rule("02", CaseGrid, ParentHere),
        Rule("0204", CaseGrid, LeafHere),
    ];

    [Theory]
    [InlineData(4, "the leaf in the case's grid")]
    [InlineData(3, "the parent in the case's grid")]
    [InlineData(2, "the leaf in any grid")]
    [InlineData(1, "the parent in any grid")]
    public void MostSpecific_GridCountsBeforeCategory(int rulesLeft, string winner)
    {
        // AllFour runs from the least specific to the most: with the most specific ones dropped, the last left wins,
        // whatever order the rules come in.
        var rules = AllFour.Take(rulesLeft).ToList();

        var forwards = RoutingRuleChooser.MostSpecific(rules, "0204", CaseGrid, CategoryCatalogue.Default);
        var backwards = RoutingRuleChooser.MostSpecific(Enumerable.Reverse(rules), "0204", CaseGrid, CategoryCatalogue.Default);

        Assert.True(ReferenceEquals(rules[^1], forwards), winner);
        Assert.Same(forwards, backwards);
    }

    [Fact]
    public void MostSpecific_GridRuleOnTheParent_BeatsAnyGridRuleOnTheLeaf()
    {
        var chosen = RoutingRuleChooser.MostSpecific([Rule("0204", null, LeafAnywhere), Rule("02", CaseGrid, ParentHere)], "0204", CaseGrid, CategoryCatalogue.Default);

        Assert.Equal(ParentHere, chosen?.DepartmentId);
    }

    [Fact]
    public void MostSpecific_RulesOfOtherGridsAndCategories_DoNotApply()
    {
        RoutingRule[] rules =
        [
            Rule("0204", OtherGrid, LeafHere),
            Rule("02", OtherGrid, ParentHere),
            Rule("0203", null, LeafAnywhere),
            Rule("0204", CaseGrid, LeafAnywhere),
            Rule("03", null, ParentAnywhere),
        ];

        Assert.Null(RoutingRuleChooser.MostSpecific(rules, "0201", CaseGrid, CategoryCatalogue.Default));
        Assert.Null(RoutingRuleChooser.MostSpecific(rules[..2], "0204", CaseGrid, CategoryCatalogue.Default));
        Assert.Null(RoutingRuleChooser.MostSpecific([], "0204", CaseGrid, CategoryCatalogue.Default));
    }

    [Fact]
    public void MostSpecific_LeafRule_DoesNotApplyToACaseFiledUnderItsParent()
    {
        // A case filed under a top-level category: only rules on that category route it, not those on its leaves.
        RoutingRule[] rules = [Rule("0204", CaseGrid, LeafHere), Rule("02", null, ParentAnywhere)];

        Assert.Equal(ParentAnywhere, RoutingRuleChooser.MostSpecific(rules, "02", CaseGrid, CategoryCatalogue.Default)?.DepartmentId);
        Assert.Null(RoutingRuleChooser.MostSpecific([rules[0]], "02", CaseGrid, CategoryCatalogue.Default));
    }

    [Fact]
    public void CandidateCategories_LeafThenItsParent_OrTheTopLevelAlone()
    {
        Assert.Equal(["0204", "02"], RoutingRuleChooser.CandidateCategories("0204", CategoryCatalogue.Default));
        Assert.Equal(["02"], RoutingRuleChooser.CandidateCategories("02", CategoryCatalogue.Default));
    }

    private static RoutingRule Rule(string category, GridId? grid, Guid department) =>
        new(category, grid, department, CategoryCatalogue.Default);
}
