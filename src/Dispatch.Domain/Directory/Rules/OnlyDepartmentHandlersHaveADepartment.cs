using Dispatch.Domain.Common;

namespace Dispatch.Domain.Directory.Rules;

internal sealed class OnlyDepartmentHandlersHaveADepartment(Role role, Guid? departmentId) : IValidationRule
{
    public string Field => "departmentId";

    public bool IsBroken() => role != Role.DepartmentHandler && departmentId is not null;

    public string Message => $"departmentId must be empty for a {role}; only department handlers have a department.";
}
