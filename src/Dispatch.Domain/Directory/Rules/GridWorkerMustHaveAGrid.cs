using Dispatch.Domain.Common;

namespace Dispatch.Domain.Directory.Rules;

/// <summary>A grid worker's scope is their grids; without one they could see nothing.</summary>
internal sealed class GridWorkerMustHaveAGrid(Role role, int gridCount) : IValidationRule
{
    public string Field => "gridIds";

    public bool IsBroken() => role == Role.GridWorker && gridCount == 0;

    public string Message => "gridIds is empty; a grid worker needs at least one grid.";
}
