namespace Dispatch.Application.Directory;

/// <summary>Add a department (no id), or change the code and name of the department with this id.</summary>
internal sealed record UpsertDepartmentCommand(Guid? Id, string Code, string Name);
