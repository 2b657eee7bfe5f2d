using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Support;

/// <summary>The command centres of the escalation tests: a village escalating to its town.</summary>
internal static class Nodes
{
    public const string Village = "village-chaoyang-01";
    public const string Town = "town-chaoyang";

    /// <summary>The town's case, as the village learns it when the town acknowledges the escalation.</summary>
    public static readonly Guid TownCaseId = new("00000000-0000-0000-0000-0000000000c2");

    /// <summary>The village's case that was escalated to the town.</summary>
    public static readonly CaseOrigin VillageCase = new(Village, new Guid("00000000-0000-0000-0000-0000000000c1"), "C-20261124-000042");
}
