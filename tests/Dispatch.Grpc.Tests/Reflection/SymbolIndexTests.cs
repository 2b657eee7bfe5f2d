using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Grpc.Reflection;

namespace Dispatch.Grpc.Tests.Reflection;

public sealed class SymbolIndexTests
{
    private const string P = TestDescriptors.Package;

    private static SymbolIndex WidgetsIndex() => SymbolIndex.Build([TestDescriptors.WidgetsService]);

    [Fact]
    public void Build_SameServiceTwice_ListsItOnce()
    {
        var index = SymbolIndex.Build([TestDescriptors.WidgetsService, Health.Descriptor, TestDescriptors.WidgetsService]);

        Assert.Equal([$"{P}.Widgets", "grpc.health.v1.Health"], index.ServiceNames);
    }

    [Fact]
    public void Build_NoServices_ListsNothing()
    {
        var index = SymbolIndex.Build([]);

        Assert.Empty(index.ServiceNames);
        Assert.Null(index.FindFileByName(TestDescriptors.WidgetsFile));
    }

    [Theory]
    [InlineData(TestDescriptors.WidgetsFile)]
    [InlineData(TestDescriptors.MidFile)]
    [InlineData(TestDescriptors.BaseFile)]
    public void FindFileByName_ServiceFileOrImport_ReturnsFile(string fileName)
    {
        var file = WidgetsIndex().FindFileByName(fileName);

        Assert.NotNull(file);
        Assert.Equal(fileName, file.Name);
    }

    [Fact]
    public void FindFileByName_UnknownFile_ReturnsNull()
    {
        Assert.Null(WidgetsIndex().FindFileByName("test/reflection/v1/missing.proto"));
    }

    [Theory]
    [InlineData(P + ".Widgets", TestDescriptors.WidgetsFile)]
    [InlineData(P + ".Widgets.Get", TestDescriptors.WidgetsFile)]
    [InlineData(P + ".Mid", TestDescriptors.MidFile)]
    [InlineData(P + ".Mid.Inner", TestDescriptors.MidFile)]
    [InlineData(P + ".Mid.Inner.Kind", TestDescriptors.MidFile)]
    [InlineData(P + ".Mid.note", TestDescriptors.MidFile)]
    [InlineData(P + ".level", TestDescriptors.MidFile)]
    [InlineData(P + ".Base", TestDescriptors.BaseFile)]
    [InlineData(P + ".Color", TestDescriptors.BaseFile)]
    [InlineData("." + P + ".Shared", TestDescriptors.BaseFile)]
    public void FindFileContainingSymbol_KnownSymbol_ReturnsDefiningFile(string symbol, string expectedFile)
    {
        var file = WidgetsIndex().FindFileContainingSymbol(symbol);

        Assert.NotNull(file);
        Assert.Equal(expectedFile, file.Name);
    }

    [Theory]
    [InlineData(P + ".Missing")]
    [InlineData(P + ".Widgets.Put")]
    [InlineData("Widgets")]
    [InlineData("")]
    public void FindFileContainingSymbol_UnknownSymbol_ReturnsNull(string symbol)
    {
        Assert.Null(WidgetsIndex().FindFileContainingSymbol(symbol));
    }

    [Fact]
    public void FindFileContainingSymbol_HealthNestedEnum_ReturnsHealthProto()
    {
        var index = SymbolIndex.Build([Health.Descriptor]);

        var file = index.FindFileContainingSymbol("grpc.health.v1.HealthCheckResponse.ServingStatus");

        Assert.Same(HealthReflection.Descriptor, file);
        Assert.Equal("grpc/health/v1/health.proto", file?.Name);
    }

    [Theory]
    [InlineData(100, TestDescriptors.MidFile)]
    [InlineData(150, TestDescriptors.MidFile)]
    public void FindFileContainingExtension_DeclaredExtension_ReturnsDeclaringFile(int number, string expectedFile)
    {
        var file = WidgetsIndex().FindFileContainingExtension($"{P}.Base", number);

        Assert.Equal(expectedFile, file?.Name);
    }

    [Theory]
    [InlineData(P + ".Base", 101)]
    [InlineData(P + ".Shared", 100)]
    [InlineData(P + ".Missing", 100)]
    public void FindFileContainingExtension_NoSuchExtension_ReturnsNull(string type, int number)
    {
        Assert.Null(WidgetsIndex().FindFileContainingExtension(type, number));
    }

    [Fact]
    public void FindExtensionNumbers_ExtendedType_ReturnsNumbersAscending()
    {
        Assert.Equal([100, 150], WidgetsIndex().FindExtensionNumbers($"{P}.Base"));
    }

    [Fact]
    public void FindExtensionNumbers_TypeWithoutExtensions_ReturnsEmpty()
    {
        var numbers = WidgetsIndex().FindExtensionNumbers($"{P}.Mid.Inner");

        Assert.NotNull(numbers);
        Assert.Empty(numbers);
    }

    [Theory]
    [InlineData(P + ".Missing")]
    [InlineData(P + ".Color")]
    public void FindExtensionNumbers_NotAKnownMessage_ReturnsNull(string type)
    {
        Assert.Null(WidgetsIndex().FindExtensionNumbers(type));
    }

    [Fact]
    public void WithDependencies_DiamondImports_FileFirstThenEachImportOnce()
    {
        var files = SymbolIndex.WithDependencies(TestDescriptors.Widgets);

        Assert.Equal(
            [TestDescriptors.WidgetsFile, TestDescriptors.MidFile, TestDescriptors.BaseFile],
            files.Select(file => file.Name));
    }

    [Fact]
    public void WithDependencies_FileWithoutImports_ReturnsFileAlone()
    {
        var files = SymbolIndex.WithDependencies(TestDescriptors.Base);

        Assert.Equal([TestDescriptors.BaseFile], files.Select(file => file.Name));
    }
}
