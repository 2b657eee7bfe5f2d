using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>
/// A village's share of the soak: reports at a fixed rate, and for each, by its place in the run, what follows.
/// Of every ten: one gets the short deadline category and is left open to breach; one is an Emergency escalated
/// (straight to the district); two are escalated to the town; six go round the closed loop (accept, assign to the
/// suggested department, start, resolve, verify by the reporter, read back). Each case has one actor at a time, so
/// a stale version is an error, not a race the soak provokes.
/// </summary>
internal sealed class SoakVillage(SoakNode node, SoakSessions sessions, SoakMetrics metrics, SoakLedger ledger, string runId, string townId, string districtId)
{
    private const int Callers = 16;

    public Task RunAsync(int rate, long stopAt) => PacedCallers.RunAsync(rate, Callers, stopAt, CaseAsync);

    private async Task CaseAsync(long index)
    {
        var kind = index % 10;
        var request = new ReportCaseRequest
        {
            RequestId = $"{runId}-{node.Id}-{index}",
            Title = $"Soak {runId} #{index}: " + (kind == 0 ? "blocked drain" : "uncollected garbage"),
            Description = "Soak run.",
            CategoryCode = kind == 0 ? DeadlineBurst.Category : ReportRequests.CategoryCode,
            GridId = ListFilters.GridId,
            Location = new Location { Latitude = 39.9042, Longitude = 116.4074, Address = "East gate, building 3" },
            Whistle = kind == 1 ? WhistleClass.Emergency : WhistleClass.Daily,
            HandlingMode = HandlingMode.Fast,
        };
        var worker = sessions.Worker;
        if (await metrics.CallAsync("report", () => worker.Cases.ReportCaseAsync(request, worker.Call).ResponseAsync) is not { Case: var reported })
        {
            return;
        }

        switch (kind)
        {
            case 0:
                ledger.Deadlines[(node.Id, reported.Id)] = reported.DueAt.ToDateTimeOffset();
                break;
            case 1 or 2 or 3:
                await EscalateAsync(reported, kind == 1 ? districtId : townId);
                break;
            default:
                await CloseLoopAsync(reported);
                break;
        }
    }

    private async Task EscalateAsync(Case reported, string parent)
    {
        var dispatcher = sessions.Dispatcher;
        var request = new EscalateCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version, Reason = "Beyond the village (soak)." };
        if (await metrics.CallAsync("escalate", () => dispatcher.Cases.EscalateCaseAsync(request, dispatcher.Call).ResponseAsync) is not null)
        {
            ledger.Escalated(node.Id, reported.Id, parent);
        }
    }

    private async Task CloseLoopAsync(Case reported)
    {
        var (worker, dispatcher, handler) = (sessions.Worker, sessions.Dispatcher, sessions.Handler);
        var accepted = await metrics.CallAsync("accept", () => dispatcher.Cases.AcceptCaseAsync(
            new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version }, dispatcher.Call).ResponseAsync);
        if (accepted?.Case is not { } a)
        {
            return;
        }

        var assignee = new Assignee { Kind = AssigneeKind.Department, Id = a.SuggestedDepartmentId };
        var assigned = await metrics.CallAsync("assign", () => dispatcher.Cases.AssignCaseAsync(
            new AssignCaseRequest { CaseId = a.Id, ExpectedVersion = a.Version, Assignee = assignee }, dispatcher.Call).ResponseAsync);
        var started = assigned?.Case is { } b
            ? await metrics.CallAsync("start", () => handler.Cases.StartCaseAsync(new StartCaseRequest { CaseId = b.Id, ExpectedVersion = b.Version }, handler.Call).ResponseAsync)
            : null;
        var resolved = started?.Case is { } c
            ? await metrics.CallAsync("resolve", () => handler.Cases.ResolveCaseAsync(
                new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = "Cleared (soak)." }, handler.Call).ResponseAsync)
            : null;
        var verified = resolved?.Case is { } d
            ? await metrics.CallAsync("verify", () => worker.Cases.VerifyCaseAsync(
                new VerifyCaseRequest { CaseId = d.Id, ExpectedVersion = d.Version, Passed = true, Note = "Checked on site (soak)." }, worker.Call).ResponseAsync)
            : null;
        if (verified is not null)
        {
            await metrics.CallAsync("get", () => dispatcher.Cases.GetCaseAsync(new GetCaseRequest { CaseId = reported.Id }, dispatcher.Call).ResponseAsync);
        }
    }
}
