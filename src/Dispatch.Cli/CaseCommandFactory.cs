using System.CommandLine;
using Dispatch.Client;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli;

/// <summary>
/// One command per closed-loop step. Each reads the case first so it can send the version it saw;
/// a case changed in between fails with ABORTED rather than overwriting someone else's work.
/// </summary>
internal static class CaseCommandFactory
{
    private static readonly Argument<string> CaseArgument = new("case") { Description = "case id or number (C-yyyyMMdd-XXXXXXXX)" };
    private static readonly Option<string> NoteOption = new("--note") { Description = "a note for the history" };

    public static IEnumerable<Command> Create()
    {
        yield return Step("accept", "accept a reported case", (cases, c, r) => cases.AcceptCaseAsync(new AcceptCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = r.GetValue(NoteOption) ?? "" }).ResponseAsync.Then(x => x.Case));
        var reason = new Option<string>("--reason") { Required = true, Description = "why" };
        yield return Step("reject", "reject a reported case", (cases, c, r) => cases.RejectCaseAsync(new RejectCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = r.GetValue(reason)! }).ResponseAsync.Then(x => x.Case), reason);
        var department = new Option<string>("--department") { Description = "department id" };
        var worker = new Option<string>("--worker") { Description = "worker user id" };
        yield return Step("assign", "assign to a department or a worker", (cases, c, r) => cases.AssignCaseAsync(new AssignCaseRequest
        {
            CaseId = c.Id,
            ExpectedVersion = c.Version,
            Assignee = r.GetValue(department) is { } d
                ? new Assignee { Kind = AssigneeKind.Department, Id = d }
                : new Assignee { Kind = AssigneeKind.Worker, Id = r.GetValue(worker) ?? "" },
            Note = r.GetValue(NoteOption) ?? "",
        }).ResponseAsync.Then(x => x.Case), department, worker);
        yield return Step("start", "start handling", (cases, c, r) => cases.StartCaseAsync(new StartCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = r.GetValue(NoteOption) ?? "" }).ResponseAsync.Then(x => x.Case));
        var evidence = new Option<string[]>("--evidence") { Description = "evidence URL or sha256:<hex>", AllowMultipleArgumentsPerToken = true };
        yield return Step("resolve", "resolve with a note (required) and evidence", (cases, c, r) =>
        {
            var request = new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = r.GetValue(NoteOption) ?? "" };
            request.EvidenceRefs.AddRange(r.GetValue(evidence) ?? []);
            return cases.ResolveCaseAsync(request).ResponseAsync.Then(x => x.Case);
        }, evidence);
        var fail = new Option<bool>("--fail") { Description = "verification failed: return for rework" };
        yield return Step("verify", "verify on site: passes unless --fail", (cases, c, r) => cases.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = !r.GetValue(fail), Note = r.GetValue(NoteOption) ?? "" }).ResponseAsync.Then(x => x.Case), fail);
        var score = new Option<int>("--score") { Required = true, Description = "satisfaction 1-5" };
        yield return Step("rate", "rate a closed case (reporter)", (cases, c, r) => cases.RateCaseAsync(new RateCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Satisfaction = r.GetValue(score) }).ResponseAsync.Then(x => x.Case), score);
        yield return Step("escalate", "send the case to the parent node, which then owns it", (cases, c, r) => cases.EscalateCaseAsync(new EscalateCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = r.GetValue(reason)! }).ResponseAsync.Then(x => x.Case), reason);
        yield return Step("hand-back", "return an escalated case to the child node that sent it", (cases, c, r) => cases.ReturnEscalationAsync(new ReturnEscalationRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = r.GetValue(reason)! }).ResponseAsync.Then(x => x.Case), reason);
        yield return Step("reopen", "reopen a closed case", (cases, c, r) => cases.ReopenCaseAsync(new ReopenCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = r.GetValue(reason)! }).ResponseAsync.Then(x => x.Case), reason);
    }

    private static Command Step(string name, string description, Func<CaseService.CaseServiceClient, Case, ParseResult, Task<Case>> run, params Option[] options)
    {
        var command = new Command(name, description) { CaseArgument, NoteOption };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            using var connection = Session.Connect();
            var current = await connection.FindCaseAsync(result.GetValue(CaseArgument)!, cancellationToken);
            Printer.Summary(await run(connection.Cases, current, result));
            return 0;
        });
        return command;
    }

    private static async Task<TOut> Then<TIn, TOut>(this Task<TIn> task, Func<TIn, TOut> map) => map(await task);
}
