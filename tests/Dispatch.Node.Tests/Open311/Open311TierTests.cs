using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Open311;

/// <summary>A district node does not serve Open311: citizens report to the villages and towns that handle their grids.</summary>
public sealed class Open311TierTests
{
    [Fact]
    public async Task District_AnswersNotFound_OnEveryOpen311Path()
    {
        await using var district = await NodeTestHost.StartAsync(StorageKind.Sqlite, Open311Node.Settings("District"));
        using var http = WebPort.Open(district);

        Assert.Equal(404, (int)(await http.GetAsync(Open311Node.Base + "services.json")).StatusCode);
        Assert.Equal(404, (int)(await http.GetAsync(Open311Node.Base + "requests.json")).StatusCode);
        await Open311Node.AssertErrorAsync(await http.PostAsync(Open311Node.Base + "requests.json", new FormUrlEncodedContent(Open311Node.Form("At the district"))), 404, "does not serve Open311");
    }
}
