using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;

namespace Dispatch.Cluster.Tests.Infrastructure;

/// <summary>Test data and the probes the tests poll: what a node shows of a case, or null when not yet.</summary>
internal static class CaseProbes
{
    public const string Grid = DemoDirectory.AreaTownVillage + "001";

    public static ReportCaseRequest Report(string requestId) => new()
    {
        RequestId = requestId,
        Title = "Collapsed culvert blocks the lane",
        CategoryCode = "0102",
        GridId = Grid,
        Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "Lane 5" },
        Whistle = WhistleClass.Tough,
        HandlingMode = HandlingMode.Split,
    };

    /// <summary>Reports a case as a grid worker and escalates it as the dispatcher; returns the escalated case.</summary>
    public static async Task<Case> ReportAndEscalateAsync(CaseService.CaseServiceClient worker, CaseService.CaseServiceClient dispatcher, string requestId)
    {
        var reported = (await worker.ReportCaseAsync(Report(requestId))).Case;
        var escalated = (await dispatcher.EscalateCaseAsync(new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Needs the town's crew." })).Case;
        Assert.Equal(CaseStatus.Escalated, escalated.Status);
        return escalated;
    }

    /// <summary>The town's dispatcher assigns its case to the sanitation department.</summary>
    public static AssignCaseRequest AssignToSanitation(Case atTown) => new()
    {
        CaseId = atTown.Id,
        ExpectedVersion = atTown.Version,
        Assignee = new Assignee { Kind = AssigneeKind.Department, Id = DemoDirectory.SanitationId.ToString() },
        Note = "Sanitation crew, culvert kit.",
    };

    /// <summary>Every case at a node that came from the given child case (de-duplication means at most one).</summary>
    public static async Task<List<Case>> ByOriginAsync(CaseService.CaseServiceClient client, string originCaseId) =>
        (await client.ListCasesAsync(new ListCasesRequest { PageSize = 200 })).Cases.Where(c => c.OriginCaseId == originCaseId).ToList();

    public static async Task<List<Case>> AllAsync(CaseService.CaseServiceClient client) =>
        (await client.ListCasesAsync(new ListCasesRequest { PageSize = 200 })).Cases.ToList();

    /// <summary>The child's case once it records the parent's case id (the parent acknowledged the escalation).</summary>
    public static async Task<Case?> LinkedAsync(CaseService.CaseServiceClient client, string caseId) =>
        (await client.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case is { ParentCaseId.Length: > 0 } c ? c : null;

    /// <summary>The child's case once it mirrors the given status of the parent's case.</summary>
    public static async Task<Case?> ParentStatusIsAsync(CaseService.CaseServiceClient client, string caseId, CaseStatus status) =>
        (await client.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case is { } c && c.ParentStatus == status ? c : null;

    /// <summary>
    /// The child's history, after its own report and escalation, holds one mirrored event per event of
    /// the parent's case, in order, the last one the parent's resolution.
    /// </summary>
    public static void AssertMirroredOnceInOrder(IReadOnlyList<CaseEvent> parentHistory, IReadOnlyList<CaseEvent> childHistory)
    {
        var mirrored = childHistory.SkipWhile(e => e.Type != "CaseEscalated").Skip(1).ToList();
        Assert.Equal(parentHistory.Count, mirrored.Count);
        foreach (var (parent, child) in parentHistory.Zip(mirrored))
        {
            Assert.StartsWith(parent.Type + " ", child.Note);
            Assert.Contains(parent.Note, child.Note);
        }

        Assert.Equal(["CaseParentUpdated"], mirrored.SkipLast(1).Select(e => e.Type).Distinct());
        Assert.Equal("CaseResolvedByParent", mirrored[^1].Type);
    }

    public static async Task<Case?> StatusIsAsync(CaseService.CaseServiceClient client, string caseId, CaseStatus status) =>
        (await client.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Case is { } c && c.Status == status ? c : null;
}
