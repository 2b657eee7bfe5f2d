using Dispatch.Domain.Geography;
using Dispatch.Domain.Geography.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Geography;

public sealed class GridIdTests
{
    [Fact]
    public void Parse_FifteenDigits_SplitsIntoParts()
    {
        var id = GridId.Parse("110105001002003");

        Assert.Equal("110105001002003", id.Value);
        Assert.Equal("110105", id.AreaCode);
        Assert.Equal("001", id.TownCode);
        Assert.Equal("002", id.VillageCode);
        Assert.Equal("003", id.GridCode);
        Assert.Equal("110105001", id.TownKey);
        Assert.Equal("110105001002", id.VillageKey);
        Assert.Equal("110105001002003", id.ToString());
    }

    [Fact]
    public void Parse_LeadingZeros_AreKept()
    {
        Assert.Equal("000000000000000", GridId.Parse("000000000000000").Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11010500100200")]
    [InlineData("1101050010020034")]
    [InlineData("11010500100200A")]
    [InlineData(" 110105001002003")]
    [InlineData("110105-001-002-003")]
    [InlineData("11010500100200\u0663")]
    public void Parse_NotFifteenAsciiDigits_IsRejected(string? value)
    {
        var error = DomainAssert.RejectsInput("gridId", () => GridId.Parse(value));

        Assert.Equal(nameof(GridIdMustBeFifteenDigits), error.Rule);
        Assert.False(GridId.TryParse(value, out _));
        Assert.False(GridId.IsValid(value));
    }

    [Fact]
    public void Parse_WithFieldName_NamesThatField()
    {
        DomainAssert.RejectsInput("gridIds[2]", () => GridId.Parse("x", "gridIds[2]"));
    }

    [Fact]
    public void TryParse_Valid_ReturnsTheId()
    {
        Assert.True(GridId.TryParse("440305002004001", out var id));
        Assert.Equal("440305", id.AreaCode);
    }

    [Fact]
    public void Equality_SameDigits_AreEqual()
    {
        Assert.Equal(GridId.Parse("110105001002003"), GridId.Parse("110105001002003"));
        Assert.NotEqual(GridId.Parse("110105001002003"), GridId.Parse("110105001002004"));
    }
}
