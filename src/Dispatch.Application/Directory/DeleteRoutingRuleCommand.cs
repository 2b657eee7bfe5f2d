using Dispatch.Domain.Geography;

namespace Dispatch.Application.Directory;

/// <summary>Remove the rule for a category in one grid, or in any grid (<paramref name="GridId"/> null).</summary>
internal sealed record DeleteRoutingRuleCommand(string CategoryCode, GridId? GridId);
