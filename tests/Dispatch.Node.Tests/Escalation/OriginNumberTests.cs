using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Dispatch.Testing;
using Grpc.Core;

namespace Dispatch.Node.Tests.Escalation;

/// <summary>
/// Each tier numbers a case anew: at the parent, a case escalated here is found by the number it had at the child too
/// (GetCase and the list's text filter), and the list shows where it came from. This node's own numbers come first; a
/// number that two children both sent is refused as ambiguous, naming this node's numbers of both.
/// </summary>
public abstract class OriginNumberTests(StorageKind storage) : NodeTestBase(storage)
{
    private const string ChildNumber = "C-20261124-0001F4A3BC9D";

    private readonly string _villageKey = ClusterTestHost.NewKey();
    private readonly string _otherVillageKey = ClusterTestHost.NewKey();

    protected override IReadOnlyDictionary<string, string?> NodeSettings => new Dictionary<string, string?>
    {
        ["Node:Children:0:Id"] = "village",
        ["Node:Children:0:Key"] = _villageKey,
        ["Node:Children:1:Id"] = "village-b",
        ["Node:Children:1:Key"] = _otherVillageKey,
    };

    [Fact]
    public async Task GetCaseAndListCases_ByTheChildsNumber_FindTheEscalatedCase_WithItsOrigin()
    {
        var escalated = await EscalateAsync("village", _villageKey, ChildNumber);
        await EscalateAsync("village", _villageKey, "C-20261124-0001F4A3BC9E");
        var dispatcher = await Node.CasesAsAsync("dispatcher");

        var found = (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = ChildNumber.ToLowerInvariant() })).Case;
        var listed = (await dispatcher.ListCasesAsync(new ListCasesRequest { Text = ChildNumber })).Cases;
        var partly = (await dispatcher.ListCasesAsync(new ListCasesRequest { Text = "0001F4A3BC9D" })).Cases;

        Assert.Equal((escalated.CaseId, "village", ChildNumber), (found.Id, found.OriginNodeId, found.OriginCaseNumber));
        Assert.NotEqual(ChildNumber, found.Number);
        Assert.NotEmpty(found.History);
        var row = Assert.Single(listed);
        Assert.Equal((escalated.CaseId, "village", ChildNumber), (row.Id, row.OriginNodeId, row.OriginCaseNumber));
        Assert.Equal([escalated.CaseId], partly.Select(c => c.Id));
        Assert.Equal(found.Number, (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = found.Number })).Case.Number);
    }

    [Fact]
    public async Task GetCase_AChildsNumberTwoChildrenSent_InvalidArgumentNamingBoth_TheListShowsBoth()
    {
        var fromVillage = await EscalateAsync("village", _villageKey, ChildNumber);
        var fromOther = await EscalateAsync("village-b", _otherVillageKey, ChildNumber);
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var numbers = new List<string>();
        foreach (var id in new[] { fromVillage.CaseId, fromOther.CaseId })
        {
            numbers.Add((await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = id })).Case.Number);
        }

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = ChildNumber }), ["case_id", ChildNumber, "village", "village-b", .. numbers]);

        var listed = (await dispatcher.ListCasesAsync(new ListCasesRequest { Text = ChildNumber })).Cases;
        Assert.Equal(numbers.Order(), listed.Select(c => c.Number).Order());
        Assert.Equal(fromOther.CaseId, (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = numbers[1] })).Case.Id);
    }

    [Fact]
    public async Task GetCase_ANumberOfThisNodesThatAChildAlsoSent_FindsThisNodesCase()
    {
        var dispatcher = await Node.CasesAsAsync("dispatcher");
        var own = (await (await Node.CasesAsAsync("worker1")).ReportCaseAsync(NewReport("own"))).Case;
        await EscalateAsync("village", _villageKey, own.Number);

        Assert.Equal(own.Id, (await dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = own.Number })).Case.Id);
        await RpcAssert.FailsAsync(StatusCode.NotFound, dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = "C-20261124-00000000ABCD" }), "C-20261124-00000000ABCD");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, dispatcher.GetCaseAsync(new GetCaseRequest { CaseId = "case 12" }), "case_id");
    }

    private async Task<EscalateResponse> EscalateAsync(string childId, string key, string originNumber)
    {
        var child = new EscalationService.EscalationServiceClient(
            Node.Channel.CreateCallInvoker().WithToken(NodeToken.Create(childId, "test-node", key, Node.Clock.GetUtcNow())));
        var request = EscalationCases.Direct("from " + childId);
        request.OriginCaseNumber = originNumber;
        return await child.EscalateAsync(request);
    }
}

public sealed class OriginNumberSqliteTests() : OriginNumberTests(StorageKind.Sqlite);

public sealed class OriginNumberPostgresTests() : OriginNumberTests(StorageKind.Postgres);
