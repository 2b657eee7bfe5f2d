using System.Text.Json;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Open311;

/// <summary>The write path on PostgreSQL: a POST reports one case, its retry finds it, and the grid extents migrate there too.</summary>
public sealed class Open311PostgresTests
{
    [Fact]
    public async Task Post_OnPostgres_ReportsOnce_AndReadsBack()
    {
        await using var node = await NodeTestHost.StartAsync(StorageKind.Postgres, Open311Node.Settings("Town"));
        using var http = WebPort.Open(node);
        var form = Open311Node.Form("Reported to a town on PostgreSQL");

        var first = await http.PostAsync(Open311Node.Base + "requests.json", new FormUrlEncodedContent(form));
        var retry = await http.PostAsync(Open311Node.Base + "requests.json", new FormUrlEncodedContent(form));

        Assert.Equal(System.Net.HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, retry.StatusCode);
        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        Assert.Equal(id, JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString());
        var read = JsonDocument.Parse(await http.GetStringAsync(Open311Node.Base + $"requests/{id}.json")).RootElement[0];
        Assert.Equal("open", read.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("expected_datetime").ValueKind);
        var listed = JsonDocument.Parse(await http.GetStringAsync(Open311Node.Base + "requests.json?status=open")).RootElement;
        Assert.Single(listed.EnumerateArray());
    }
}
