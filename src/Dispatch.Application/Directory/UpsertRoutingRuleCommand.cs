using Dispatch.Domain.Geography;

namespace Dispatch.Application.Directory;

/// <summary>
/// Route cases of a category (leaf or top-level), in one grid or in any grid (<paramref name="GridId"/> null), to a
/// department: adds the rule, or changes the department of the rule already there for that category and grid.
/// </summary>
internal sealed record UpsertRoutingRuleCommand(string CategoryCode, GridId? GridId, Guid DepartmentId);
