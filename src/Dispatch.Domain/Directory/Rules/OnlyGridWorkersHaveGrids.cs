using Dispatch.Domain.Common;

namespace Dispatch.Domain.Directory.Rules;

/// <summary>Grids scope grid workers only; on any other role they would suggest a limit that is not applied.</summary>
internal sealed class OnlyGridWorkersHaveGrids(Role role, int gridCount) : IValidationRule
{
    public string Field => "gridIds";

    public bool IsBroken() => role != Role.GridWorker && gridCount > 0;

    public string Message => $"gridIds must be empty for a {role}; only grid workers have grids.";
}
