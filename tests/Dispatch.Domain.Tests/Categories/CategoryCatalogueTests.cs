using Dispatch.Domain.Categories;

namespace Dispatch.Domain.Tests.Categories;

public sealed class CategoryCatalogueTests
{
    private static readonly CategoryCatalogue Catalogue = CategoryCatalogue.Default;

    [Fact]
    public void Default_Loads_EightTopLevelCategoriesInOrder()
    {
        Assert.Equal(["01", "02", "03", "04", "05", "06", "07", "08"], Catalogue.TopLevel.Select(c => c.Code));
        Assert.Equal("Public facilities", Catalogue.Find("01")!.Name);
        Assert.Equal("Emergencies", Catalogue.Find("08")!.Name);
    }

    [Fact]
    public void Default_IsLoadedOnce()
    {
        Assert.Same(CategoryCatalogue.Default, CategoryCatalogue.Default);
    }

    [Fact]
    public void Default_Codes_AreUnique()
    {
        var codes = Catalogue.All.Select(c => c.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Default_EverySubcategory_HasAnExistingParentThatPrefixesItsCode()
    {
        foreach (var category in Catalogue.All.Where(c => !c.IsTopLevel))
        {
            var parent = Catalogue.ParentOf(category.Code);
            Assert.NotNull(parent);
            Assert.True(parent.IsTopLevel);
            Assert.StartsWith(parent.Code, category.Code, StringComparison.Ordinal);
            Assert.Equal(4, category.Code.Length);
        }
    }

    [Fact]
    public void Default_EveryTopLevelCategory_HasSixToTenSubcategoriesThatAreLeaves()
    {
        Assert.All(Catalogue.TopLevel, top =>
        {
            var children = Catalogue.ChildrenOf(top.Code);
            Assert.InRange(children.Count, 6, 10);
            Assert.False(Catalogue.IsLeaf(top.Code));
            Assert.All(children, child => Assert.True(Catalogue.IsLeaf(child.Code)));
        });
    }

    [Fact]
    public void Default_Names_AreNonEmpty()
    {
        Assert.All(Catalogue.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
    }

    [Fact]
    public void Find_KnownAndUnknownCodes_AnswerAccordingly()
    {
        Assert.Equal(new Category("0202", "Exposed refuse", "02"), Catalogue.Find("0202"));
        Assert.Null(Catalogue.Find("0299"));
        Assert.Null(Catalogue.Find(null));
        Assert.True(Catalogue.Contains("0301"));
        Assert.False(Catalogue.Contains("3"));
    }

    [Fact]
    public void ParentOf_TopLevelOrUnknown_IsNull()
    {
        Assert.Equal("02", Catalogue.ParentOf("0202")!.Code);
        Assert.Null(Catalogue.ParentOf("02"));
        Assert.Null(Catalogue.ParentOf("9999"));
    }

    [Fact]
    public void IsLeaf_UnknownCode_IsFalse()
    {
        Assert.False(Catalogue.IsLeaf("9999"));
        Assert.Empty(Catalogue.ChildrenOf("9999"));
    }

    [Fact]
    public void LoadDefault_FreshInstance_HasTheSameCategories()
    {
        Assert.Equal(Catalogue.All, CategoryCatalogue.LoadDefault().All);
    }

    [Theory]
    [InlineData("""{ "categories": [ { "code": "01", "name": "A" }, { "code": "01", "name": "B" } ] }""")]
    [InlineData("""{ "categories": [ { "code": "1", "name": "A" } ] }""")]
    [InlineData("""{ "categories": [ { "code": "0A", "name": "A" } ] }""")]
    [InlineData("""{ "categories": [ { "code": "01", "name": "A", "children": [ { "code": "0201", "name": "B" } ] } ] }""")]
    [InlineData("""{ "categories": [ { "code": "01", "name": "A", "children": [ { "code": "011", "name": "B" } ] } ] }""")]
    [InlineData("""{ "categories": [ { "code": "01", "name": " " } ] }""")]
    [InlineData("""{ "categories": [ { "code": "01" } ] }""")]
    [InlineData("""{ "items": [] }""")]
    [InlineData("""{ "categories": [ """)]
    public void FromJson_InvalidCatalogue_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => CategoryCatalogue.FromJson(json));
    }
}
