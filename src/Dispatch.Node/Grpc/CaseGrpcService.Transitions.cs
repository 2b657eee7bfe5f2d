using Dispatch.Application.Cases.Transitions;
using Dispatch.Contracts.V1;
using Dispatch.Node.Security;
using Grpc.Core;

namespace Dispatch.Node.Grpc;

internal sealed partial class CaseGrpcService
{
    public override async Task<AcceptCaseResponse> AcceptCase(AcceptCaseRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.AcceptAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, Note(request.Note)), context.CancellationToken)) };

    public override async Task<RejectCaseResponse> RejectCase(RejectCaseRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.RejectAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, request.Reason), context.CancellationToken)) };

    public override async Task<AssignCaseResponse> AssignCase(AssignCaseRequest request, ServerCallContext context)
    {
        var assignee = request.Assignee.ToDomain("assignee");
        var command = new AssignCaseCommand(CaseId(request.CaseId), request.ExpectedVersion, assignee, Note(request.Note));
        return new() { Case = Contract(await transitions.AssignAsync(context.Caller(), command, context.CancellationToken)) };
    }

    public override async Task<StartCaseResponse> StartCase(StartCaseRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.StartAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, Note(request.Note)), context.CancellationToken)) };

    public override async Task<ResolveCaseResponse> ResolveCase(ResolveCaseRequest request, ServerCallContext context)
    {
        var command = new ResolveCaseCommand(CaseId(request.CaseId), request.ExpectedVersion, request.Note, RequestLimits.Items(request.EvidenceRefs, RequestLimits.EvidenceRefsMax, "evidence_refs"));
        return new() { Case = Contract(await transitions.ResolveAsync(context.Caller(), command, context.CancellationToken)) };
    }

    public override async Task<VerifyCaseResponse> VerifyCase(VerifyCaseRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.VerifyAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, request.Passed, Note(request.Note)), context.CancellationToken)) };

    public override async Task<DeferCaseResponse> DeferCase(DeferCaseRequest request, ServerCallContext context)
    {
        var until = RequestTimes.Required(request.Until, "until");
        var command = new DeferCaseCommand(CaseId(request.CaseId), request.ExpectedVersion, until, request.Reason);
        return new() { Case = Contract(await transitions.DeferAsync(context.Caller(), command, context.CancellationToken)) };
    }

    public override async Task<ResumeCaseResponse> ResumeCase(ResumeCaseRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.ResumeAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, Note(request.Note)), context.CancellationToken)) };

    public override async Task<ReopenCaseResponse> ReopenCase(ReopenCaseRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.ReopenAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, request.Reason), context.CancellationToken)) };

    public override async Task<RateCaseResponse> RateCase(RateCaseRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.RateAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, request.Satisfaction, Note(request.Comment)), context.CancellationToken)) };

    public override async Task<MergeCaseResponse> MergeCase(MergeCaseRequest request, ServerCallContext context)
    {
        var command = new MergeCaseCommand(CaseId(request.CaseId), request.ExpectedVersion, ContractMapper.ParseId(request.OriginalCaseId, "original_case_id"));
        return new() { Case = Contract(await transitions.MergeAsync(context.Caller(), command, context.CancellationToken)) };
    }

    public override async Task<EscalateCaseResponse> EscalateCase(EscalateCaseRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.EscalateAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, request.Reason), context.CancellationToken)) };

    public override async Task<ReturnEscalationResponse> ReturnEscalation(ReturnEscalationRequest request, ServerCallContext context) =>
        new() { Case = Contract(await transitions.ReturnEscalationAsync(context.Caller(), new(CaseId(request.CaseId), request.ExpectedVersion, request.Reason), context.CancellationToken)) };

    private static Guid CaseId(string caseId) => ContractMapper.ParseId(caseId, "case_id");

    private static string? Note(string note) => note.Length == 0 ? null : note;
}
