using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>A village case to escalate, and probes for where it stands at either end of an escalation.</summary>
internal static class EscalationCases
{
    public const string Grid = DemoDirectory.AreaTownVillage + "001";

    public static ReportCaseRequest Report(string requestId, string title = "Blocked drain floods the lane", WhistleClass whistle = WhistleClass.Tough) => new()
    {
        RequestId = requestId,
        Title = title,
        CategoryCode = "0102",
        GridId = Grid,
        Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "Lane 5" },
        Whistle = whistle,
        HandlingMode = HandlingMode.Split,
    };

    /// <summary>An escalation as a child's relay sends it, of a case of its own that no test made.</summary>
    public static EscalateRequest Direct(string title) => new()
    {
        OriginCaseId = Guid.NewGuid().ToString(),
        OriginCaseNumber = "C-" + title,
        Title = title,
        CategoryCode = "0201",
        GridId = Grid,
        Location = new Location { Latitude = 1, Longitude = 1 },
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Split,
        Reason = "r",
    };

    /// <summary>The parent's case escalated from <paramref name="originCaseId"/>, once it has arrived.</summary>
    public static async Task<Case?> FindByOriginAsync(CaseService.CaseServiceClient client, string originCaseId) =>
        (await client.ListCasesAsync(new ListCasesRequest())).Cases.FirstOrDefault(c => c.OriginCaseId == originCaseId);

    public static async Task<Case?> StatusIsAsync(CaseService.CaseServiceClient client, string caseId, CaseStatus status) =>
        (await client.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case is { } c && c.Status == status ? c : null;

    public static async Task<Case?> ParentStatusIsAsync(CaseService.CaseServiceClient client, string caseId, CaseStatus parentStatus) =>
        (await client.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case is { } c && c.ParentStatus == parentStatus ? c : null;

    /// <summary>The child's case once it knows its parent's case id.</summary>
    public static async Task<Case?> LinkedAsync(CaseService.CaseServiceClient client, string caseId) =>
        (await client.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case is { ParentCaseId.Length: > 0 } c ? c : null;
}
