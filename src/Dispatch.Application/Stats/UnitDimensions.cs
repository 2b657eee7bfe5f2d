using Dispatch.Application.Errors;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Evaluation;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Stats;

/// <summary>Which cases belong to which unit, per kind of unit (see stats.proto).</summary>
internal static class UnitDimensions
{
    public const string UnitIdField = "unit_id";

    /// <summary>Every kind, in report order.</summary>
    public static readonly IReadOnlyList<UnitKind> All = [UnitKind.Department, UnitKind.GridWorker, UnitKind.Grid, UnitKind.ChildNode];

    private static readonly IUnitDimension Department = new UnitDimension<Guid>(
        UnitKind.Department, c => c.AssigneeKind == AssigneeKind.Department, c => c.AssigneeId!.Value, ParseId, FormatId);

    private static readonly IUnitDimension GridWorker = new UnitDimension<Guid>(
        UnitKind.GridWorker, c => c.AssigneeKind == AssigneeKind.Worker, c => c.AssigneeId!.Value, ParseId, FormatId);

    private static readonly IUnitDimension Grid = new UnitDimension<GridId>(
        UnitKind.Grid, c => true, c => c.GridId, ParseGrid, g => g.Value);

    private static readonly IUnitDimension ChildNode = new UnitDimension<string>(
        UnitKind.ChildNode, c => c.Origin != null, c => c.Origin!.NodeId, ParseNodeId, id => id);

    public static IUnitDimension For(UnitKind kind) => kind switch
    {
        UnitKind.Department => Department,
        UnitKind.GridWorker => GridWorker,
        UnitKind.Grid => Grid,
        UnitKind.ChildNode => ChildNode,
        _ => throw new InvalidRequestException("unit_kind", "must be DEPARTMENT, GRID_WORKER, GRID or CHILD_NODE."),
    };

    private static Guid ParseId(string value) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty ? id : throw new InvalidRequestException(UnitIdField, $"{Domain.Common.ClientValue.Quote(value)} is not an id.");

    private static string FormatId(Guid id) => id.ToString();

    private static GridId ParseGrid(string value) =>
        GridId.TryParse(value, out var grid) ? grid : throw new InvalidRequestException(UnitIdField, $"{Domain.Common.ClientValue.Quote(value)} is not a grid id (15 digits).");

    private static string ParseNodeId(string value) =>
        value.Length <= CaseOrigin.NodeIdMaxLength ? value : throw new InvalidRequestException(UnitIdField, $"is longer than {CaseOrigin.NodeIdMaxLength} characters.");
}
