using Dispatch.Domain.Geography;

namespace Dispatch.Node.Bench;

/// <summary>
/// Who acts on filled cases: the node's own demo users where they exist (the dispatcher, the department
/// handlers, the grid workers of the demo grids), stable made-up workers for the other grids.
/// </summary>
internal sealed record FillDirectory(
    Guid DispatcherId,
    IReadOnlyList<(Guid DepartmentId, Guid HandlerId)> Departments,
    IReadOnlyList<GridId> Grids,
    IReadOnlyDictionary<GridId, Guid> WorkerByGrid);
