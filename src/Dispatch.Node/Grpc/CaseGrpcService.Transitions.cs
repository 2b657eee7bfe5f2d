using Dispatch.Contracts.V1;
using Dispatch.Node.Application;
using Dispatch.Node.Security;
using Domain = Dispatch.Domain;
using Grpc.Core;

namespace Dispatch.Node.Grpc;

internal sealed partial class CaseGrpcService
{
    public override async Task<AcceptCaseResponse> AcceptCase(AcceptCaseRequest request, ServerCallContext context) =>
        new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Accept, (c, actor, now) => c.Accept(actor, now, Note(request.Note))) };

    public override async Task<RejectCaseResponse> RejectCase(RejectCaseRequest request, ServerCallContext context) =>
        new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Reject, (c, actor, now) => c.Reject(actor, now, request.Reason)) };

    public override async Task<AssignCaseResponse> AssignCase(AssignCaseRequest request, ServerCallContext context)
    {
        var assignee = request.Assignee.ToDomain("assignee");
        var id = ContractMapper.ParseId(request.CaseId, "case_id");
        var assigned = await commands.AssignAsync(context.Caller(), id, request.ExpectedVersion, assignee, Note(request.Note), context.CancellationToken);
        return new() { Case = assigned.ToContract() };
    }

    public override async Task<StartCaseResponse> StartCase(StartCaseRequest request, ServerCallContext context) =>
        new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Start, (c, actor, now) => c.Start(actor, now, Note(request.Note))) };

    public override async Task<ResolveCaseResponse> ResolveCase(ResolveCaseRequest request, ServerCallContext context)
    {
        var evidence = request.EvidenceRefs.ToArray();
        return new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Resolve, (c, actor, now) => c.Resolve(actor, now, request.Note, evidence)) };
    }

    public override async Task<VerifyCaseResponse> VerifyCase(VerifyCaseRequest request, ServerCallContext context) =>
        new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Verify, (c, actor, now) => c.Verify(actor, now, request.Passed, Note(request.Note))) };

    public override async Task<DeferCaseResponse> DeferCase(DeferCaseRequest request, ServerCallContext context)
    {
        var until = request.Until.ToDomain("until");
        return new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Defer, (c, actor, now) => c.Defer(actor, now, until, request.Reason)) };
    }

    public override async Task<ResumeCaseResponse> ResumeCase(ResumeCaseRequest request, ServerCallContext context) =>
        new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Resume, (c, actor, now) => c.Resume(actor, now, Note(request.Note))) };

    public override async Task<ReopenCaseResponse> ReopenCase(ReopenCaseRequest request, ServerCallContext context) =>
        new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Reopen, (c, actor, now) => c.Reopen(actor, now, request.Reason)) };

    public override async Task<RateCaseResponse> RateCase(RateCaseRequest request, ServerCallContext context) =>
        new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Rate, (c, actor, now) => c.Rate(actor, now, request.Satisfaction, Note(request.Comment))) };

    public override async Task<MergeCaseResponse> MergeCase(MergeCaseRequest request, ServerCallContext context)
    {
        var caseId = ContractMapper.ParseId(request.CaseId, "case_id");
        var originalId = ContractMapper.ParseId(request.OriginalCaseId, "original_case_id");
        var merged = await commands.MergeAsync(context.Caller(), caseId, request.ExpectedVersion, originalId, context.CancellationToken);
        return new() { Case = merged.ToContract() };
    }

    public override async Task<EscalateCaseResponse> EscalateCase(EscalateCaseRequest request, ServerCallContext context)
    {
        var id = ContractMapper.ParseId(request.CaseId, "case_id");
        var escalated = await commands.EscalateAsync(context.Caller(), id, request.ExpectedVersion, request.Reason, context.CancellationToken);
        return new() { Case = escalated.ToContract() };
    }

    public override async Task<ReturnEscalationResponse> ReturnEscalation(ReturnEscalationRequest request, ServerCallContext context) =>
        new() { Case = await ChangeAsync(context, request.CaseId, request.ExpectedVersion, CaseOperation.Escalate, (c, actor, now) => c.ReturnToChild(actor, now, request.Reason)) };

    private async Task<Case> ChangeAsync(
        ServerCallContext context, string caseId, int expectedVersion, CaseOperation operation, Action<Domain.Cases.Case, Guid, DateTimeOffset> apply)
    {
        var id = ContractMapper.ParseId(caseId, "case_id");
        var caller = context.Caller();
        var changed = await commands.ChangeAsync(caller, id, expectedVersion, operation, (c, now) => apply(c, caller.UserId, now), context.CancellationToken);
        return changed.ToContract();
    }

    private static string? Note(string note) => note.Length == 0 ? null : note;
}
