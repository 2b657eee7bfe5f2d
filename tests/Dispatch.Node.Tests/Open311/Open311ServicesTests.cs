using System.Text.Json;
using System.Xml.Linq;
using Dispatch.Domain.Categories;

namespace Dispatch.Node.Tests.Open311;

/// <summary>GET services and services/{code}: the category catalogue as GeoReport v2 services, in JSON and XML.</summary>
public sealed class Open311ServicesTests(Open311Node node) : IClassFixture<Open311Node>
{
    [Fact]
    public async Task Services_Json_ListsEveryCategoryWithTheSpecsFields()
    {
        var services = await node.GetJsonAsync("services.json");

        Assert.Equal(CategoryCatalogue.Default.All.Count, services.GetArrayLength());
        var leaf = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "0201");
        Assert.Equal("Uncollected household garbage", leaf.GetProperty("service_name").GetString());
        Assert.Equal("Sanitation", leaf.GetProperty("group").GetString());
        Assert.False(leaf.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", leaf.GetProperty("type").GetString());
        Assert.Contains("Sanitation", leaf.GetProperty("keywords").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(leaf.GetProperty("description").GetString()));
        var top = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "02");
        Assert.Equal("Sanitation", top.GetProperty("group").GetString());
    }

    [Fact]
    public async Task Services_Xml_UsesTheSpecsElementNames()
    {
        var response = await node.Http.GetAsync(Open311Node.Base + "services.xml");

        Assert.StartsWith("application/xml", response.Content.Headers.ContentType?.ToString());
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("services", document.Root!.Name.LocalName);
        var service = document.Root.Elements("service").Single(s => s.Element("service_code")!.Value == "0201");
        Assert.Equal("Uncollected household garbage", service.Element("service_name")!.Value);
        Assert.Equal("false", service.Element("metadata")!.Value);
        Assert.Equal("realtime", service.Element("type")!.Value);
        Assert.Equal("Sanitation", service.Element("group")!.Value);
        Assert.NotNull(service.Element("keywords"));
        Assert.NotNull(service.Element("description"));
    }

    [Fact]
    public async Task ServiceDefinition_KnownCode_HasNoAttributes_InBothFormats()
    {
        var definition = await node.GetJsonAsync("services/0201.json");
        Assert.Equal("0201", definition.GetProperty("service_code").GetString());
        Assert.Equal(0, definition.GetProperty("attributes").GetArrayLength());

        var xml = XDocument.Parse(await node.Http.GetStringAsync(Open311Node.Base + "services/0201.xml"));
        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.Equal("0201", xml.Root.Element("service_code")!.Value);
        Assert.Empty(xml.Root.Element("attributes")!.Elements());
    }

    [Fact]
    public async Task ServiceDefinition_UnknownCode_Is404InTheSpecsErrorFormat()
    {
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "services/9999.json"), 404, "9999");

        var response = await node.Http.GetAsync(Open311Node.Base + "services/9999.xml");
        Assert.Equal(404, (int)response.StatusCode);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("404", error.Element("error")!.Element("code")!.Value);
        Assert.Contains("9999", error.Element("error")!.Element("description")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_UnknownFormatOrJurisdiction_IsRefused()
    {
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "services.csv"), 404, "csv");
        await Open311Node.AssertErrorAsync(await node.Http.GetAsync(Open311Node.Base + "services.json?jurisdiction_id=elsewhere"), 400, "jurisdiction_id");
        Assert.Equal(JsonValueKind.Array, (await node.GetJsonAsync("services.json?jurisdiction_id=test-node")).ValueKind);
    }
}
