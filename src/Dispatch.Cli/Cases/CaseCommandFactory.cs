using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Dispatch.Cli.Cases;

/// <summary>
/// One command per step of the closed loop, all built the same way: find the case (id or number), send the step with
/// the version read, print the case as it is now. A case changed in between fails with ABORTED (exit 6) rather than
/// overwriting someone else's work.
/// </summary>
internal static class CaseCommandFactory
{
    private delegate Task<Case> StepCall(CaseService.CaseServiceClient cases, Case current, CommandRun run);

    public static IEnumerable<Command> Create(CliContext cli)
    {
        var shared = new CaseOptions(cli);
        var note = shared.Note;
        var reason = shared.RequiredReason();

        yield return Step(cli, shared, "accept", CaseTexts.AcceptDescription, async (cases, c, run) =>
            (await cases.AcceptCaseAsync(new AcceptCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = run.Get(note) ?? "" }, Call(run))).Case, note);
        yield return Step(cli, shared, "reject", CaseTexts.RejectDescription, async (cases, c, run) =>
            (await cases.RejectCaseAsync(new RejectCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = run.Get(reason)! }, Call(run))).Case, reason);

        var department = new Option<string>("--department") { Description = cli.T(CaseTexts.DepartmentOption), HelpName = "ID" };
        var worker = new Option<string>("--worker") { Description = cli.T(CaseTexts.WorkerOption), HelpName = "ID" };
        var assign = Step(cli, shared, "assign", CaseTexts.AssignDescription, async (cases, c, run) =>
            (await cases.AssignCaseAsync(new AssignCaseRequest
            {
                CaseId = c.Id,
                ExpectedVersion = c.Version,
                Assignee = run.Get(department) is { } d
                    ? new Assignee { Kind = AssigneeKind.Department, Id = d }
                    : new Assignee { Kind = AssigneeKind.Worker, Id = run.Get(worker)! },
                Note = run.Get(note) ?? "",
            }, Call(run))).Case, department, worker, note);
        assign.Validators.Add(r =>
        {
            if ((r.GetResult(department) is null) == (r.GetResult(worker) is null))
            {
                r.AddError(cli.T(CaseTexts.AssigneeMissing));
            }
        });
        yield return assign;

        yield return Step(cli, shared, "start", CaseTexts.StartDescription, async (cases, c, run) =>
            (await cases.StartCaseAsync(new StartCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = run.Get(note) ?? "" }, Call(run))).Case, note);

        var evidence = shared.Evidence();
        var requiredNote = new Option<string>("--note") { Required = true, Description = cli.T(CaseTexts.NoteOption) };
        yield return Step(cli, shared, "resolve", CaseTexts.ResolveDescription, async (cases, c, run) =>
        {
            var request = new ResolveCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = run.Get(requiredNote)! };
            request.EvidenceRefs.AddRange(run.Get(evidence) ?? []);
            return (await cases.ResolveCaseAsync(request, Call(run))).Case;
        }, requiredNote, evidence);

        var fail = new Option<bool>("--fail") { Description = cli.T(CaseTexts.FailOption) };
        yield return Step(cli, shared, "verify", CaseTexts.VerifyDescription, async (cases, c, run) =>
            (await cases.VerifyCaseAsync(new VerifyCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Passed = !run.Get(fail), Note = run.Get(note) ?? "" }, Call(run))).Case, fail, note);

        var until = new Option<DateTimeOffset>("--until") { Required = true, Description = cli.T(CaseTexts.UntilOption), HelpName = "TIME" };
        yield return Step(cli, shared, "defer", CaseTexts.DeferDescription, async (cases, c, run) =>
            (await cases.DeferCaseAsync(new DeferCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Until = Timestamp.FromDateTimeOffset(run.Get(until)), Reason = run.Get(reason)! }, Call(run))).Case, until, reason);
        yield return Step(cli, shared, "resume", CaseTexts.ResumeDescription, async (cases, c, run) =>
            (await cases.ResumeCaseAsync(new ResumeCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Note = run.Get(note) ?? "" }, Call(run))).Case, note);
        yield return Step(cli, shared, "escalate", CaseTexts.EscalateDescription, async (cases, c, run) =>
            (await cases.EscalateCaseAsync(new EscalateCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = run.Get(reason)! }, Call(run))).Case, reason);
        yield return Step(cli, shared, "hand-back", CaseTexts.HandBackDescription, async (cases, c, run) =>
            (await cases.ReturnEscalationAsync(new ReturnEscalationRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = run.Get(reason)! }, Call(run))).Case, reason);

        var into = new Option<string>("--into") { Required = true, Description = cli.T(CaseTexts.IntoOption), HelpName = "CASE" };
        yield return Step(cli, shared, "merge", CaseTexts.MergeDescription, async (cases, c, run) =>
        {
            var original = await run.FindCaseAsync(run.Get(into)!);
            return (await cases.MergeCaseAsync(new MergeCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, OriginalCaseId = original.Id }, Call(run))).Case;
        }, into);
        yield return Step(cli, shared, "reopen", CaseTexts.ReopenDescription, async (cases, c, run) =>
            (await cases.ReopenCaseAsync(new ReopenCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Reason = run.Get(reason)! }, Call(run))).Case, reason);

        var score = new Option<int>("--score") { Required = true, Description = cli.T(CaseTexts.ScoreOption), HelpName = "1..5" };
        var comment = new Option<string>("--comment") { Description = cli.T(CaseTexts.CommentOption) };
        yield return Step(cli, shared, "rate", CaseTexts.RateDescription, async (cases, c, run) =>
            (await cases.RateCaseAsync(new RateCaseRequest { CaseId = c.Id, ExpectedVersion = c.Version, Satisfaction = run.Get(score), Comment = run.Get(comment) ?? "" }, Call(run))).Case, score, comment);
    }

    private static Command Step(CliContext cli, CaseOptions shared, string name, Text description, StepCall call, params Option[] options)
    {
        var command = cli.Command(name, description, [shared.Case, .. options]);
        cli.SetAction(command, async run =>
        {
            var current = await run.FindCaseAsync(run.Get(shared.Case));
            var changed = await call(run.Connection.Cases, current, run);
            run.Show(new GetCaseResponse { Case = changed }, () => CasePrinter.Summary(run, changed));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Every step call carries the run's cancellation (Ctrl+C).</summary>
    private static Grpc.Core.CallOptions Call(CommandRun run) => new(cancellationToken: run.Cancellation);
}
