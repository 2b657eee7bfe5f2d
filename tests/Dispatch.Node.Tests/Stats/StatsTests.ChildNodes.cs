using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Google.Protobuf.WellKnownTypes;

namespace Dispatch.Node.Tests.Stats;

/// <summary>Lower tiers are scored on what they escalate: the share handed back as unjustified.</summary>
public abstract partial class StatsTests
{
    [Fact]
    public async Task GetEvaluation_ChildNode_ReturnedShareOfEscalationsReceived()
    {
        var villageA = ClusterTestHost.NewKey();
        var villageB = ClusterTestHost.NewKey();
        await using var town = await NodeTestHost.StartAsync(Storage, new Dictionary<string, string?>
        {
            ["Node:Id"] = "town",
            ["Node:Tier"] = "Town",
            ["Node:Children:0:Id"] = "village-a",
            ["Node:Children:0:Key"] = villageA,
            ["Node:Children:1:Id"] = "village-b",
            ["Node:Children:1:Key"] = villageB,
        });
        var start = town.Clock.GetUtcNow();

        var fromA = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            fromA.Add(await EscalateAsync(town, "village-a", villageA, $"A-{i}"));
        }

        await EscalateAsync(town, "village-b", villageB, "B-0");
        var cases = new CaseService.CaseServiceClient(town.Channel.CreateCallInvoker().WithToken(await town.LoginAsync("dispatcher")));
        var handedBack = (await cases.GetCaseAsync(new GetCaseRequest { CaseId = fromA[0] })).Case;
        await cases.ReturnEscalationAsync(new ReturnEscalationRequest { CaseId = handedBack.Id, ExpectedVersion = handedBack.Version, Reason = "A village team can fix a bin." });

        // One escalation after the period: not counted.
        town.Clock.Advance(TimeSpan.FromHours(2));
        await EscalateAsync(town, "village-a", villageA, "A-late");

        var stats = new StatsService.StatsServiceClient(town.Channel.CreateCallInvoker().WithToken(await town.LoginAsync("supervisor")));
        var response = await stats.GetEvaluationAsync(new GetEvaluationRequest
        {
            UnitKind = UnitKind.ChildNode,
            From = Timestamp.FromDateTimeOffset(start),
            To = Timestamp.FromDateTimeOffset(start.AddHours(1)),
        });
        Assert.Equal(["village-a", "village-b"], response.Units.Select(u => u.UnitId));
        var a = response.Units[0];
        Assert.Equal(3, a.EscalationsReceived);
        Assert.Equal(1, a.EscalationsReturned);
        Assert.Equal(1.0 / 3, a.ReturnedShare, 6);
        Assert.Equal(3, a.Reported);
        Assert.Equal(2, a.Registered);  // the returned one is rejected here
        var b = response.Units[1];
        Assert.Equal(1, b.EscalationsReceived);
        Assert.Equal(0, b.EscalationsReturned);
        Assert.Equal(0.0, b.ReturnedShare);
        Assert.Equal(4, response.Total.EscalationsReceived);
        Assert.Equal(0.25, response.Total.ReturnedShare, 6);

        // Departments of the town are not child nodes: a node without escalations has no child rows.
        Assert.Empty((await (await StatsAs("supervisor")).GetEvaluationAsync(Request(UnitKind.ChildNode))).Units);
    }

    private static async Task<string> EscalateAsync(NodeTestHost town, string childId, string key, string number)
    {
        var client = new EscalationService.EscalationServiceClient(
            town.Channel.CreateCallInvoker().WithToken(NodeToken.Create(childId, "town", key, town.Clock.GetUtcNow())));
        var response = await client.EscalateAsync(new EscalateRequest
        {
            OriginCaseId = Guid.NewGuid().ToString(),
            OriginCaseNumber = "C-20261124-" + number,
            Title = "Broken street light",
            CategoryCode = "0201",
            GridId = Grid1,
            Location = new Location { Latitude = 39.9, Longitude = 116.4 },
            Whistle = WhistleClass.Daily,
            HandlingMode = HandlingMode.Split,
            Reason = "Needs the town's lift truck.",
        });
        return response.CaseId;
    }
}
