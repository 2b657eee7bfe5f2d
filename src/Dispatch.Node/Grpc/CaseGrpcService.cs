using Dispatch.Application.Cases;
using Dispatch.Application.Cases.Transitions;
using Dispatch.Application.Errors;
using Dispatch.Application.Feed;
using Dispatch.Contracts.V1;
using Dispatch.Node.Limits;
using Dispatch.Node.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Node.Grpc;

/// <summary>The case API: maps each request to a use case and the result back. No rules here.</summary>
[Authorize(Policy = AuthSchemes.SignedIn)]
internal sealed partial class CaseGrpcService(CaseCommands commands, CaseTransitions transitions, CaseQueries queries, CaseFeedReader feed, StreamQuota streams) : CaseService.CaseServiceBase
{
    public override async Task<ReportCaseResponse> ReportCase(ReportCaseRequest request, ServerCallContext context)
    {
        RequestLimits.RequestId(request.RequestId);
        var input = ContractMapper.ToReportInput(
            request.RequestId, request.Title, request.Description, request.CategoryCode, request.GridId, request.Location, request.Whistle, request.HandlingMode, request.EvidenceRefs);
        var outcome = await commands.ReportAsync(context.Caller(), input, context.CancellationToken);
        var response = new ReportCaseResponse { Case = outcome.Views.Of(outcome.Case, Contract), Created = outcome.Created };
        response.PossibleDuplicates.AddRange(outcome.PossibleDuplicates.Select(d => outcome.Views.Of(d, Contract)));
        return response;
    }

    /// <summary>A case as a reply shows it (no history); made once per case and batch (<see cref="CaseViews"/>).</summary>
    private static readonly Func<Domain.Cases.Case, Case> Contract = c => c.ToContract();

    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context) =>
        new() { Case = (await queries.GetByKeyAsync(context.Caller(), request.CaseId, "case_id", context.CancellationToken)).ToContract(withHistory: true) };

    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var filter = new CaseFilter
        {
            Statuses = RequestEnums.Each<CaseStatus, Domain.Cases.CaseStatus>(RequestLimits.Items(request.Statuses, RequestLimits.FilterValuesMax, "statuses"), "statuses"),
            GridId = string.IsNullOrEmpty(request.GridId) ? null : ContractMapper.ParseGrid(request.GridId, "grid_id"),
            Assignee = request.Assignee is null ? null : request.Assignee.ToDomain("assignee"),
            Whistle = RequestEnums.Optional<Domain.Cases.WhistleClass>(request.Whistle, "whistle"),
            CategoryCode = request.CategoryCode,
            OverdueOnly = request.OverdueOnly,
            Text = RequestLimits.SearchText(request.Text),
            PageSize = RequestLimits.PageSize(request.PageSize),
            PageToken = request.PageToken,
            DueFirst = RequestEnums.Known(request.OrderBy, "order_by") == CaseOrder.DueAsc,
        };
        var (cases, next) = await queries.ListAsync(context.Caller(), filter, context.CancellationToken);
        var response = new ListCasesResponse { NextPageToken = next };
        response.Cases.AddRange(cases.Select(c => c.ToContract()));
        return response;
    }

    public override async Task WatchCases(WatchCasesRequest request, IServerStreamWriter<WatchCasesResponse> responseStream, ServerCallContext context)
    {
        if (request.FromSequence < 0)
        {
            throw new InvalidRequestException("from_sequence", "must not be negative.");
        }

        var caller = context.Caller();
        using var place = streams.Open("user:" + caller.UserId);
        await foreach (var notice in feed.WatchAsync(caller, request.FromSequence, context.CancellationToken))
        {
            await responseStream.WriteAsync(new WatchCasesResponse
            {
                Sequence = notice.Sequence,
                CaseId = notice.Event.CaseId.ToString(),
                CaseNumber = notice.CaseNumber,
                Event = notice.Event.ToContract(),
                Status = ContractMapper.Convert<CaseStatus>(notice.Status),
                Version = notice.Version,
                GridId = notice.GridId.Value,
            });
        }
    }
}
