using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dispatch.Node.Tests.Open311;

/// <summary>
/// The requests an existing Open311 client library sends, byte for byte: Code for America's Python wrapper "three"
/// (github.com/codeforamerica/three, read at commit 67b4a4b), which builds paths as endpoint + "services" / "requests" /
/// "requests/{id}" + ".json", puts jurisdiction_id (and start_date / end_date as %Y-%m-%dT%H:%M:%SZ, count as
/// page_size) in the query of GETs, and POSTs a form-encoded body through python-requests: its keyword arguments in
/// call order, then service_code, jurisdiction_id, address_string, first_name and last_name (from name), and api_key.
/// The headers are those python-requests sends.
/// </summary>
public sealed class Open311ClientLibraryTests(Open311Node node) : IClassFixture<Open311Node>
{
    private const string Headers = "User-Agent: python-requests/2.28.1\nAccept-Encoding: gzip, deflate\nAccept: */*\nConnection: keep-alive\n";

    [Fact]
    public async Task Three_PostThenReadBack_WorksUnchanged()
    {
        // three.Three('http://host:port/open311/v2/', api_key=KEY, jurisdiction='test-node').post('0201',
        //     address='North gate, Building 3', name='Li Wei', phone='555-0100', description='Bins overflow at the gate',
        //     lat=39.9215, long=116.442)
        var body = "phone=555-0100&description=Bins+overflow+at+the+gate&lat=39.9215&long=116.442&service_code=0201" +
            "&jurisdiction_id=test-node&address_string=North+gate%2C+Building+3&first_name=Li&last_name=Wei&api_key=" + Open311Node.Key;
        var posted = await RawHttp.SendAsync(node.Node.WebAddress,
            $"POST /open311/v2/requests.json HTTP/1.1\nHost: {Host}\n{Headers}Content-Length: {Encoding.UTF8.GetByteCount(body)}\nContent-Type: application/x-www-form-urlencoded\n", body);

        Assert.True(posted.Status == 201, posted.Body);
        var id = JsonDocument.Parse(posted.Body).RootElement[0].GetProperty("service_request_id").GetString()!;

        // three.request(id), three.requests('0201'), three.requests(start='11-20-2026', end='12-05-2026', count=5)
        var one = await GetAsync($"/open311/v2/requests/{id}.json?jurisdiction_id=test-node");
        Assert.Equal("North gate, Building 3", one[0].GetProperty("address").GetString());
        Assert.Equal("Bins overflow at the gate", one[0].GetProperty("description").GetString());
        Assert.Contains(Ids(await GetAsync("/open311/v2/requests.json?service_code=0201&jurisdiction_id=test-node")), i => i == id);
        Assert.Contains(Ids(await GetAsync("/open311/v2/requests.json?jurisdiction_id=test-node&page_size=5&start_date=2026-11-20T00%3A00%3A00Z&end_date=2026-12-05T00%3A00%3A00Z")), i => i == id);
    }

    [Fact]
    public async Task Three_Services_AndAServiceDefinition_WorkUnchanged()
    {
        // three.services() and three.services('0201')
        var services = await GetAsync("/open311/v2/services.json?jurisdiction_id=test-node");
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "0201");
        var definition = await GetAsync("/open311/v2/services/0201.json?jurisdiction_id=test-node");
        Assert.Equal("0201", definition.GetProperty("service_code").GetString());
    }

    private string Host => node.Node.WebAddress.Authority;

    private async Task<JsonElement> GetAsync(string target)
    {
        var (status, _, body) = await RawHttp.SendAsync(node.Node.WebAddress, $"GET {target} HTTP/1.1\nHost: {Host}\n{Headers}");
        Assert.True(status == 200, $"{target}: {status} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static IEnumerable<string?> Ids(JsonElement requests) =>
        requests.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString());
}
