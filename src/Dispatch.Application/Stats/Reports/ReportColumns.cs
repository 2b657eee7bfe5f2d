using System.Globalization;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Reports;

/// <summary>The figures of a unit's row, by their contract field names (stats.proto's UnitEvaluation), formatted invariantly.</summary>
internal static class ReportColumns
{
    public static readonly IReadOnlyList<(string Name, Func<UnitTally, string> Value)> Figures =
    [
        ("reported", t => Count(t.Reported)),
        ("registered", t => Count(t.Registered)),
        ("registered_closed", t => Count(t.RegisteredClosed)),
        ("close_rate", t => Rate(t.CloseRate)),
        ("due_in_period", t => Count(t.DueInPeriod)),
        ("deferred", t => Count(t.Deferred)),
        ("closed_on_time", t => Count(t.ClosedOnTime)),
        ("on_time_close_rate", t => Rate(t.OnTimeCloseRate)),
        ("closed", t => Count(t.Closed)),
        ("rework_count", t => Count(t.ReworkCount)),
        ("overdue_count", t => Count(t.OverdueCount)),
        ("supervision_count", t => Count(t.SupervisionCount)),
        ("mean_time_to_close_seconds", t => Rate(t.MeanTimeToCloseSeconds)),
        ("rated", t => Count(t.Rated)),
        ("mean_satisfaction", t => Rate(t.MeanSatisfaction)),
        ("escalations_received", t => Count(t.EscalationsReceived)),
        ("escalations_returned", t => Count(t.EscalationsReturned)),
        ("returned_share", t => Rate(t.ReturnedShare)),
    ];

    /// <summary>The unit kind as the contract spells it (without the enum prefix); NODE for the totals.</summary>
    public static string KindName(UnitKind? kind) => kind switch
    {
        null => "NODE",
        UnitKind.Department => "DEPARTMENT",
        UnitKind.GridWorker => "GRID_WORKER",
        UnitKind.Grid => "GRID",
        UnitKind.ChildNode => "CHILD_NODE",
        _ => kind.Value.ToString().ToUpperInvariant(),
    };

    public static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalDays >= 1
            ? $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m"
            : $"{span.Hours}h {span.Minutes}m";
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
