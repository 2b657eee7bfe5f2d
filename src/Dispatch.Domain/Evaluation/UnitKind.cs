namespace Dispatch.Domain.Evaluation;

/// <summary>What a unit of evaluation is, and so which cases are its own.</summary>
public enum UnitKind
{
    /// <summary>A department: the cases currently assigned to it.</summary>
    Department = 1,

    /// <summary>A grid worker: the cases currently assigned to them.</summary>
    GridWorker = 2,

    /// <summary>A grid: the cases in it.</summary>
    Grid = 3,

    /// <summary>A child node: the escalations received from it.</summary>
    ChildNode = 4,
}
