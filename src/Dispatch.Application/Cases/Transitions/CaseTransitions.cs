using Dispatch.Application.Security;
using Dispatch.Domain.Cases;

namespace Dispatch.Application.Cases.Transitions;

/// <summary>
/// The closed loop's steps, one use case each: the caller and a plain request in, the changed case out. Each names
/// its operation (what <see cref="CasePermissions"/> checks) and the domain method it applies; loading, the version
/// check, the feed, the outbox and the supervision ledger are <see cref="CaseCommands"/>' work on the single writer.
/// </summary>
internal sealed class CaseTransitions(CaseCommands commands)
{
    public Task<Case> AcceptAsync(CallerIdentity caller, AcceptCaseCommand request, CancellationToken cancellationToken) =>
        commands.AcceptAsync(caller, request.CaseId, request.ExpectedVersion, request.Note, cancellationToken);

    public Task<Case> RejectAsync(CallerIdentity caller, RejectCaseCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.Reject, (c, now) => c.Reject(caller.UserId, now, request.Reason), cancellationToken);

    public Task<Case> AssignAsync(CallerIdentity caller, AssignCaseCommand request, CancellationToken cancellationToken) =>
        commands.AssignAsync(caller, request.CaseId, request.ExpectedVersion, request.Assignee, request.Note, cancellationToken);

    public Task<Case> StartAsync(CallerIdentity caller, StartCaseCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.Start, (c, now) => c.Start(caller.UserId, now, request.Note), cancellationToken);

    public Task<Case> ResolveAsync(CallerIdentity caller, ResolveCaseCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.Resolve, (c, now) => c.Resolve(caller.UserId, now, request.Note, request.EvidenceRefs), cancellationToken);

    public Task<Case> VerifyAsync(CallerIdentity caller, VerifyCaseCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.Verify, (c, now) => c.Verify(caller.UserId, now, request.Passed, request.Note), cancellationToken);

    public Task<Case> DeferAsync(CallerIdentity caller, DeferCaseCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.Defer, (c, now) => c.Defer(caller.UserId, now, request.Until, request.Reason), cancellationToken);

    public Task<Case> ResumeAsync(CallerIdentity caller, ResumeCaseCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.Resume, (c, now) => c.Resume(caller.UserId, now, request.Note), cancellationToken);

    public Task<Case> ReopenAsync(CallerIdentity caller, ReopenCaseCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.Reopen, (c, now) => c.Reopen(caller.UserId, now, request.Reason), cancellationToken);

    public Task<Case> RateAsync(CallerIdentity caller, RateCaseCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.Rate, (c, now) => c.Rate(caller.UserId, now, request.Satisfaction, request.Comment), cancellationToken);

    public Task<Case> MergeAsync(CallerIdentity caller, MergeCaseCommand request, CancellationToken cancellationToken) =>
        commands.MergeAsync(caller, request.CaseId, request.ExpectedVersion, request.OriginalCaseId, cancellationToken);

    public Task<Case> EscalateAsync(CallerIdentity caller, EscalateCaseCommand request, CancellationToken cancellationToken) =>
        commands.EscalateAsync(caller, request.CaseId, request.ExpectedVersion, request.Reason, cancellationToken);

    /// <summary>The parent hands an escalated case back.</summary>
    public Task<Case> ReturnEscalationAsync(CallerIdentity caller, ReturnEscalationCommand request, CancellationToken cancellationToken) =>
        Change(caller, request.CaseId, request.ExpectedVersion, CaseOperation.ReturnEscalation, (c, now) => c.ReturnToChild(caller.UserId, now, request.Reason), cancellationToken);

    private Task<Case> Change(CallerIdentity caller, Guid caseId, int expectedVersion, CaseOperation operation, Action<Case, DateTimeOffset> apply, CancellationToken cancellationToken) =>
        commands.ChangeAsync(
            caller,
            caseId,
            expectedVersion,
            operation,
            (_, c, now) =>
            {
                apply(c, now);
                return Task.CompletedTask;
            },
            cancellationToken);
}
