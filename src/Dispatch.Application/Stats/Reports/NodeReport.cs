using Dispatch.Domain.Evaluation;

namespace Dispatch.Application.Stats.Reports;

/// <summary>
/// Everything a report shows: the node, the period, the node's totals, every unit's row by kind, and the
/// cases reported per hour (daily report) or per day (weekly, monthly).
/// </summary>
internal sealed record NodeReport(
    string NodeId,
    string NodeName,
    ReportPeriod Period,
    string TimeZone,
    UnitTally Totals,
    IReadOnlyDictionary<UnitKind, IReadOnlyList<EvaluatedUnit>> Units,
    IReadOnlyList<(string Label, int Count)> ReportedOverTime)
{
    /// <summary>Title in the command centres' own words, then in English.</summary>
    public string Title => Period.Kind switch
    {
        ReportKind.Daily => "日简报 Daily report",
        ReportKind.Weekly => "周调度 Weekly dispatch report",
        _ => "月通报 Monthly report",
    };

    /// <summary>The local days covered, e.g. <c>2026-11-23 to 2026-11-29</c>.</summary>
    public string Days => ReportCalendar.DaysOf(Period);

    /// <summary>
    /// The node's totals: case figures from the grids (every case is in exactly one grid), escalation figures
    /// from the child nodes.
    /// </summary>
    public static UnitTally TotalOf(IReadOnlyDictionary<UnitKind, IReadOnlyList<EvaluatedUnit>> units)
    {
        var cases = units[UnitKind.Grid].Aggregate(UnitTally.Empty, (sum, u) => sum.Add(u.Tally));
        var escalations = units[UnitKind.ChildNode].Aggregate(UnitTally.Empty, (sum, u) => sum.Add(u.Tally));
        return cases with { EscalationsReceived = escalations.EscalationsReceived, EscalationsReturned = escalations.EscalationsReturned };
    }
}
