using Dispatch.Domain.Common;

namespace Dispatch.Domain.Directory.Rules;

internal sealed class DepartmentHandlerMustHaveADepartment(Role role, Guid? departmentId) : IValidationRule
{
    public string Field => "departmentId";

    public bool IsBroken() => role == Role.DepartmentHandler && (departmentId is null || departmentId == Guid.Empty);

    public string Message => "departmentId is missing; a department handler needs a department.";
}
