namespace Dispatch.Node.Tests.Open311;

/// <summary>Every refused POST requests: the spec's error array with its HTTP status, the field named, and no case written.</summary>
public sealed class Open311PostErrorsTests(Open311Node node) : IClassFixture<Open311Node>
{
    public static TheoryData<string, string?, int, string> Refusals => new()
    {
        { "api_key", null, 403, "api_key is required" },
        { "api_key", "not-a-registered-key", 403, "api_key is not one" },
        { "service_code", null, 400, "service_code" },
        { "service_code", "9999", 404, "9999" },
        { "lat", null, 400, "lat" },
        { "long", null, 400, "long" },
        { "lat", "north", 400, "lat" },
        { "lat", "91", 400, "lat" },
        { "long", "-180.5", 400, "long" },
        { "lat", "10.5", 400, "outside this node's grids" },
        { "description", new string('x', 4_001), 400, "description" },
        { "address_string", new string('x', 501), 400, "address_string" },
        { "media_url", "https://photos.example/" + new string('x', 600), 400, "media_url" },
        { "email", new string('x', 201), 400, "email" },
        { "jurisdiction_id", "another-node", 400, "jurisdiction_id" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Post_BadField_IsRefusedNamingIt_AndWritesNothing(string field, string? value, int status, string words)
    {
        var before = await node.CaseCountAsync();

        await Open311Node.AssertErrorAsync(await node.PostAsync(Open311Node.Form("Refused report", (field, value))), status, words);

        Assert.Equal(before, await node.CaseCountAsync());
    }

    [Fact]
    public async Task Post_AddressWithoutCoordinates_SaysThereIsNoGeocoder()
    {
        var before = await node.CaseCountAsync();

        await Open311Node.AssertErrorAsync(await node.PostAsync(Open311Node.Form("Address only", ("lat", null), ("long", null))), 400, "no geocoder");

        Assert.Equal(before, await node.CaseCountAsync());
    }

    [Fact]
    public async Task Post_NotAForm_ABrokenForm_AFileOrABadIdempotencyKey_IsRefused()
    {
        var before = await node.CaseCountAsync();

        var json = await node.Http.PostAsync(Open311Node.Base + "requests.json", new StringContent("{\"service_code\":\"0201\"}", System.Text.Encoding.UTF8, "application/json"));
        await Open311Node.AssertErrorAsync(json, 400, "form");
        await Open311Node.AssertErrorAsync(await node.PostAsync(Open311Node.Form("Bad key"), idempotencyKey: new string('k', 101)), 400, "Idempotency-Key");
        var broken = new StringContent("--x\r\nnot a part", System.Text.Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        await Open311Node.AssertErrorAsync(await node.Http.PostAsync(Open311Node.Base + "requests.json", broken), 400, "body");
        using var upload = new MultipartFormDataContent();
        foreach (var (name, value) in Open311Node.Form("With a photo file"))
        {
            upload.Add(new StringContent(value), name);
        }

        upload.Add(new ByteArrayContent([0xFF, 0xD8, 0xFF]), "media", "photo.jpg");
        await Open311Node.AssertErrorAsync(await node.Http.PostAsync(Open311Node.Base + "requests.json", upload), 400, "media");

        Assert.Equal(before, await node.CaseCountAsync());
    }

    [Fact]
    public async Task Post_Xml_RefusalIsAnXmlErrorList()
    {
        var response = await node.PostAsync(Open311Node.Form("No key", ("api_key", null)), format: "xml");

        Assert.Equal(403, (int)response.StatusCode);
        var errors = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", errors.Name.LocalName);
        Assert.Equal("403", errors.Element("error")!.Element("code")!.Value);
    }
}
