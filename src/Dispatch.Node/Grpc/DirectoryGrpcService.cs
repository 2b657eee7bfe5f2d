using Dispatch.Application.Directory;
using Dispatch.Application.Errors;
using Dispatch.Contracts.V1;
using Dispatch.Node.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Node.Grpc;

/// <summary>
/// The node's directory, for administrators: grids, departments, users, routing rules; and the category catalogue, for everyone signed in. Maps requests to the
/// directory's use cases and back.
/// </summary>
[Authorize(Policy = AuthSchemes.SignedIn)]
internal sealed class DirectoryGrpcService(
    GridDirectory grids, DepartmentDirectory departments, UserDirectory users, RoutingRuleDirectory routing, CategoryDirectory categories)
    : DirectoryService.DirectoryServiceBase
{
    public override async Task<ListGridsResponse> ListGrids(ListGridsRequest request, ServerCallContext context)
    {
        var response = new ListGridsResponse();
        response.Grids.AddRange((await grids.ListAsync(context.Caller(), context.CancellationToken)).Select(ToContract));
        return response;
    }

    public override async Task<UpsertGridResponse> UpsertGrid(UpsertGridRequest request, ServerCallContext context)
    {
        var input = request.Grid ?? throw new InvalidRequestException("grid", "is required.");
        var extent = input.Extent is { } e ? Domain.Geography.GeoBox.Create(e.South, e.West, e.North, e.East, "grid.extent") : null;
        var command = new UpsertGridCommand(ContractMapper.ParseGrid(input.Id, "grid.id"), input.Name, extent);
        return new UpsertGridResponse { Grid = ToContract(await grids.UpsertAsync(context.Caller(), command, context.CancellationToken)) };
    }

    public override async Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context)
    {
        var response = new ListDepartmentsResponse();
        response.Departments.AddRange((await departments.ListAsync(context.Caller(), context.CancellationToken)).Select(ToContract));
        return response;
    }

    public override async Task<UpsertDepartmentResponse> UpsertDepartment(UpsertDepartmentRequest request, ServerCallContext context)
    {
        var input = request.Department ?? throw new InvalidRequestException("department", "is required.");
        var command = new UpsertDepartmentCommand(input.Id.Length == 0 ? null : ContractMapper.ParseId(input.Id, "department.id"), input.Code, input.Name);
        return new UpsertDepartmentResponse { Department = ToContract(await departments.UpsertAsync(context.Caller(), command, context.CancellationToken)) };
    }

    public override async Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        var role = RequestEnums.Optional<Domain.Directory.Role>(request.Role, "role");
        var response = new ListUsersResponse();
        response.Users.AddRange((await users.ListAsync(context.Caller(), role, context.CancellationToken)).Select(ToContract));
        return response;
    }

    public override async Task<UpsertUserResponse> UpsertUser(UpsertUserRequest request, ServerCallContext context)
    {
        var input = request.User ?? throw new InvalidRequestException("user", "is required.");
        var command = new UpsertUserCommand(
            input.Id.Length == 0 ? null : ContractMapper.ParseId(input.Id, "user.id"),
            input.UserName,
            input.DisplayName,
            RequestEnums.Required<Domain.Directory.Role>(input.Role, "user.role"),
            RequestLimits.Items(input.GridIds, RequestLimits.GridIdsMax, "user.grid_ids").Select((g, i) => ContractMapper.ParseGrid(g, $"user.grid_ids[{i}]")).ToArray(),
            input.DepartmentId.Length == 0 ? null : ContractMapper.ParseId(input.DepartmentId, "user.department_id"),
            request.Password);
        return new UpsertUserResponse { User = ToContract(await users.UpsertAsync(context.Caller(), command, context.CancellationToken)) };
    }

    public override async Task<UnlockUserResponse> UnlockUser(UnlockUserRequest request, ServerCallContext context) =>
        new() { User = ToContract(await users.UnlockAsync(context.Caller(), ContractMapper.ParseId(request.UserId, "user_id"), context.CancellationToken)) };

    public override async Task<ListRoutingRulesResponse> ListRoutingRules(ListRoutingRulesRequest request, ServerCallContext context)
    {
        var response = new ListRoutingRulesResponse();
        response.Rules.AddRange((await routing.ListAsync(context.Caller(), context.CancellationToken)).Select(ToContract));
        return response;
    }

    public override async Task<UpsertRoutingRuleResponse> UpsertRoutingRule(UpsertRoutingRuleRequest request, ServerCallContext context)
    {
        var input = request.Rule ?? throw new InvalidRequestException("rule", "is required.");
        var command = new UpsertRoutingRuleCommand(input.CategoryCode, OptionalGrid(input.GridId, "rule.grid_id"), ContractMapper.ParseId(input.DepartmentId, "rule.department_id"));
        return new UpsertRoutingRuleResponse { Rule = ToContract(await routing.UpsertAsync(context.Caller(), command, context.CancellationToken)) };
    }

    public override async Task<DeleteRoutingRuleResponse> DeleteRoutingRule(DeleteRoutingRuleRequest request, ServerCallContext context)
    {
        var command = new DeleteRoutingRuleCommand(request.CategoryCode, OptionalGrid(request.GridId, "grid_id"));
        await routing.DeleteAsync(context.Caller(), command, context.CancellationToken);
        return new DeleteRoutingRuleResponse();
    }

    public override Task<ListCategoriesResponse> ListCategories(ListCategoriesRequest request, ServerCallContext context)
    {
        var response = new ListCategoriesResponse();
        response.Categories.AddRange(categories.List(context.Caller()).Select(ToContract));
        return Task.FromResult(response);
    }

    private static Domain.Geography.GridId? OptionalGrid(string gridId, string field) =>
        gridId.Length == 0 ? null : ContractMapper.ParseGrid(gridId, field);

    private static RoutingRule ToContract(Domain.Routing.RoutingRule rule) =>
        new() { CategoryCode = rule.CategoryCode, GridId = rule.GridScope, DepartmentId = rule.DepartmentId.ToString() };

    private static Category ToContract(CatalogueEntry entry) => new()
    {
        Code = entry.Category.Code,
        Name = entry.Category.Name,
        ParentCode = entry.Category.ParentCode ?? "",
        Deadline = entry.Deadline is { } rule ? Duration.FromTimeSpan(rule.Limit) : null,
        DeadlineCalendar = entry.Deadline?.Calendar?.Name ?? "",
    };

    private static Grid ToContract(Domain.Directory.Grid grid) => new()
    {
        Id = grid.Id.Value,
        Name = grid.Name,
        Extent = grid.Extent is { } e ? new GridExtent { South = e.South, West = e.West, North = e.North, East = e.East } : null,
    };

    private static Department ToContract(Domain.Directory.Department department) =>
        new() { Id = department.Id.ToString(), Code = department.Code, Name = department.Name };

    private static User ToContract(Domain.Directory.User user)
    {
        var contract = new User
        {
            Id = user.Id.ToString(),
            UserName = user.UserName,
            DisplayName = user.DisplayName,
            Role = ContractMapper.Convert<Role>(user.Role),
            DepartmentId = user.DepartmentId?.ToString() ?? "",
            Locked = user.IsLocked,
        };
        contract.GridIds.AddRange(user.GridIds.Select(g => g.Value));
        return contract;
    }
}
