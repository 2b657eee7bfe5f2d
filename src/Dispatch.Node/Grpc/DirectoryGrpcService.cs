using Microsoft.AspNetCore.Authorization;
using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Node.Application.Errors;
using Dispatch.Node.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;


namespace Dispatch.Node.Grpc;

/// <summary>The node's directory, for administrators: grids, departments, users.</summary>
[Authorize(Policy = AuthSchemes.SignedIn)]
internal sealed class DirectoryGrpcService(IDbContextFactory<DispatchDbContext> contexts, IPasswordHasher<Domain.Directory.User> hasher)
    : DirectoryService.DirectoryServiceBase
{
    public override async Task<ListGridsResponse> ListGrids(ListGridsRequest request, ServerCallContext context)
    {
        await using var db = await OpenAsync(context, adminOnly: false);
        var response = new ListGridsResponse();
        response.Grids.AddRange((await db.Grids.AsNoTracking().ToListAsync(context.CancellationToken))
            .OrderBy(g => g.Id.Value).Select(g => new Grid { Id = g.Id.Value, Name = g.Name }));
        return response;
    }

    public override async Task<UpsertGridResponse> UpsertGrid(UpsertGridRequest request, ServerCallContext context)
    {
        var input = request.Grid ?? throw new InvalidRequestException("grid", "is required.");
        var id = ContractMapper.ParseGrid(input.Id, "grid.id");
        await using var db = await OpenAsync(context, adminOnly: true);
        var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == id, context.CancellationToken);
        if (grid is null)
        {
            grid = new Domain.Directory.Grid(id, input.Name);
            db.Grids.Add(grid);
        }
        else
        {
            grid.Rename(input.Name);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return new UpsertGridResponse { Grid = new Grid { Id = grid.Id.Value, Name = grid.Name } };
    }

    public override async Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context)
    {
        await using var db = await OpenAsync(context, adminOnly: false);
        var response = new ListDepartmentsResponse();
        response.Departments.AddRange((await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(context.CancellationToken)).Select(ToContract));
        return response;
    }

    public override async Task<UpsertDepartmentResponse> UpsertDepartment(UpsertDepartmentRequest request, ServerCallContext context)
    {
        var input = request.Department ?? throw new InvalidRequestException("department", "is required.");
        await using var db = await OpenAsync(context, adminOnly: true);
        Domain.Directory.Department department;
        if (input.Id.Length == 0)
        {
            department = new Domain.Directory.Department(Guid.NewGuid(), input.Code, input.Name);
            db.Departments.Add(department);
        }
        else
        {
            var id = ContractMapper.ParseId(input.Id, "department.id");
            department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, context.CancellationToken) ?? throw new NotFoundException("Department", input.Id);
            department.Update(input.Code, input.Name);
        }

        await SaveAsync(db, $"Department code '{input.Code}' is already taken.", context.CancellationToken);
        return new UpsertDepartmentResponse { Department = ToContract(department) };
    }

    public override async Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        await using var db = await OpenAsync(context, adminOnly: true);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(context.CancellationToken);
        var response = new ListUsersResponse();
        response.Users.AddRange(users.Where(u => request.Role == Role.Unspecified || ContractMapper.Convert<Role>(u.Role) == request.Role).Select(ToContract));
        return response;
    }

    public override async Task<UpsertUserResponse> UpsertUser(UpsertUserRequest request, ServerCallContext context)
    {
        var input = request.User ?? throw new InvalidRequestException("user", "is required.");
        var role = ContractMapper.Convert<Domain.Directory.Role>(input.Role);
        var grids = input.GridIds.Select((g, i) => ContractMapper.ParseGrid(g, $"user.grid_ids[{i}]")).ToArray();
        Guid? department = input.DepartmentId.Length == 0 ? null : ContractMapper.ParseId(input.DepartmentId, "user.department_id");
        if (request.Password.Length > 0 && request.Password.Length is < 8 or > 256)
        {
            throw new InvalidRequestException("password", "must be 8 to 256 characters.");
        }

        await using var db = await OpenAsync(context, adminOnly: true);
        await EnsureScopeExistsAsync(db, grids, department, context.CancellationToken);
        Domain.Directory.User user;
        if (input.Id.Length == 0)
        {
            if (request.Password.Length == 0)
            {
                throw new InvalidRequestException("password", "is required for a new user.");
            }

            user = new Domain.Directory.User(Guid.NewGuid(), input.UserName, input.DisplayName, role, "pending", grids, department);
            user.ChangePasswordHash(hasher.HashPassword(user, request.Password));
            db.Users.Add(user);
        }
        else
        {
            var id = ContractMapper.ParseId(input.Id, "user.id");
            user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, context.CancellationToken) ?? throw new NotFoundException("User", input.Id);
            user.Rename(input.DisplayName);
            user.ChangeRole(role, grids, department);
            if (request.Password.Length > 0)
            {
                user.ChangePasswordHash(hasher.HashPassword(user, request.Password));
            }
        }

        await SaveAsync(db, $"User name '{input.UserName}' is already taken.", context.CancellationToken);
        return new UpsertUserResponse { User = ToContract(user) };
    }

    /// <summary>A user's grids and department must be in the directory: unknown ones are NOT_FOUND, not dangling references.</summary>
    private static async Task EnsureScopeExistsAsync(DispatchDbContext db, IReadOnlyList<Domain.Geography.GridId> grids, Guid? department, CancellationToken cancellationToken)
    {
        foreach (var grid in grids)
        {
            if (!await db.Grids.AnyAsync(g => g.Id == grid, cancellationToken))
            {
                throw new NotFoundException("Grid", grid.Value);
            }
        }

        if (department is { } id && !await db.Departments.AnyAsync(d => d.Id == id, cancellationToken))
        {
            throw new NotFoundException("Department", id.ToString());
        }
    }

    /// <summary>Saves; a unique index (user name, department code) that the change would break is ALREADY_EXISTS.</summary>
    private static async Task SaveAsync(DispatchDbContext db, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException(conflict);
        }
    }

    private async Task<DispatchDbContext> OpenAsync(ServerCallContext context, bool adminOnly)
    {
        var caller = context.Caller();
        if (adminOnly)
        {
            CasePermissionsAdmin(caller);
        }

        return await contexts.CreateDbContextAsync(context.CancellationToken);
    }

    private static void CasePermissionsAdmin(CallerIdentity caller) => Application.CasePermissions.EnsureAdmin(caller);

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
        };
        contract.GridIds.AddRange(user.GridIds.Select(g => g.Value));
        return contract;
    }
}
