using Dispatch.Application.Errors;
using Dispatch.Application.Supervision;
using Dispatch.Contracts.V1;
using Dispatch.Node.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Node.Grpc;

/// <summary>Supervision orders and summons over the public contract.</summary>
[Authorize(Policy = AuthSchemes.SignedIn)]
internal sealed class SupervisionGrpcService(SupervisionCommands commands, SupervisionQueries queries) : SupervisionService.SupervisionServiceBase
{
    public override async Task<ListSupervisionOrdersResponse> ListSupervisionOrders(ListSupervisionOrdersRequest request, ServerCallContext context)
    {
        var statuses = RequestEnums.Each<SupervisionOrderStatus, Domain.Supervision.SupervisionOrderStatus>(
            RequestLimits.Items(request.Statuses, RequestLimits.FilterValuesMax, "statuses"), "statuses");
        var filter = new SupervisionFilter(
            statuses,
            RequestEnums.Optional<Domain.Supervision.SupervisionOrderKind>(request.Kind, "kind"),
            request.CaseId.Length == 0 ? null : ContractMapper.ParseId(request.CaseId, "case_id"),
            request.DepartmentId.Length == 0 ? null : ContractMapper.ParseId(request.DepartmentId, "department_id"),
            RequestLimits.PageSize(request.PageSize),
            request.PageToken.Length == 0 ? null : request.PageToken);
        var (orders, next) = await queries.ListAsync(context.Caller(), filter, context.CancellationToken);
        var response = new ListSupervisionOrdersResponse { NextPageToken = next };
        response.Orders.AddRange(orders.Select(o => o.ToContract()));
        return response;
    }

    public override async Task<SummonDepartmentsResponse> SummonDepartments(SummonDepartmentsRequest request, ServerCallContext context)
    {
        var caseId = ContractMapper.ParseId(request.CaseId, "case_id");
        var departments = RequestLimits.Items(request.DepartmentIds, SupervisionCommands.MaxDepartmentsPerSummons, "department_ids").Select((id, i) => ContractMapper.ParseId(id, $"department_ids[{i}]")).ToList();
        var (@case, orders) = await commands.SummonAsync(context.Caller(), caseId, request.ExpectedVersion, departments, request.Reason, context.CancellationToken);
        var response = new SummonDepartmentsResponse { Case = @case.ToContract() };
        response.Orders.AddRange(orders.Select(o => o.ToContract()));
        return response;
    }

    public override async Task<AcknowledgeSummonsResponse> AcknowledgeSummons(AcknowledgeSummonsRequest request, ServerCallContext context) =>
        new() { Order = (await commands.AcknowledgeAsync(context.Caller(), ContractMapper.ParseId(request.OrderId, "order_id"), request.Note.Length == 0 ? null : request.Note, context.CancellationToken)).ToContract() };
}
