using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Domain.Directory;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.Directory;

/// <summary>The node's departments: anyone signed in lists them; administrators add and change them.</summary>
internal sealed class DepartmentDirectory(DirectoryStore store)
{
    /// <summary>Every department, by code.</summary>
    public async Task<IReadOnlyList<Department>> ListAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "ListDepartments", cancellationToken);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
    }

    public async Task<Department> UpsertAsync(CallerIdentity caller, UpsertDepartmentCommand request, CancellationToken cancellationToken)
    {
        await using var db = await store.OpenAsync(caller, "UpsertDepartment", cancellationToken);
        Department department;
        if (request.Id is not { } id)
        {
            department = new Department(Guid.NewGuid(), request.Code, request.Name);
            db.Departments.Add(department);
        }
        else
        {
            department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("Department", id.ToString());
            department.Update(request.Code, request.Name);
        }

        await DirectoryStore.SaveAsync(db, $"Department code {Domain.Common.ClientValue.Quote(request.Code)} is already taken.", cancellationToken);
        return department;
    }
}
