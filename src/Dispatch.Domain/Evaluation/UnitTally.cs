namespace Dispatch.Domain.Evaluation;

/// <summary>
/// One unit's counts over a period, and the evaluation rates taken from them. Every rate and mean has its
/// denominator among the counts; a zero denominator gives 0 (never NaN), so a rate is "not applicable"
/// exactly when its denominator is 0.
/// </summary>
public sealed record UnitTally
{
    public static readonly UnitTally Empty = new();

    /// <summary>Cases reported (or, for a child node, received) in the period.</summary>
    public int Reported { get; init; }

    /// <summary>Of <see cref="Reported"/>: neither rejected nor merged into another case.</summary>
    public int Registered { get; init; }

    /// <summary>Of <see cref="Registered"/>: closed before the period's end.</summary>
    public int RegisteredClosed { get; init; }

    /// <summary>Cases whose deadline lies in the period, neither rejected nor merged.</summary>
    public int DueInPeriod { get; init; }

    /// <summary>Of <see cref="DueInPeriod"/>: on hold, deadline clock paused.</summary>
    public int Deferred { get; init; }

    /// <summary>Of <see cref="DueInPeriod"/> less <see cref="Deferred"/>: closed at or before the deadline.</summary>
    public int ClosedOnTime { get; init; }

    /// <summary>Cases closed in the period.</summary>
    public int Closed { get; init; }

    /// <summary>Over <see cref="Closed"/>: the time each took to close, less its time on hold, added up.</summary>
    public TimeSpan TimeToCloseTotal { get; init; }

    public int ReworkCount { get; init; }

    public int OverdueCount { get; init; }

    public int SupervisionCount { get; init; }

    /// <summary>Ratings given in the period.</summary>
    public int Rated { get; init; }

    /// <summary>Over <see cref="Rated"/>: the ratings added up.</summary>
    public long SatisfactionTotal { get; init; }

    public int EscalationsReceived { get; init; }

    /// <summary>Of <see cref="EscalationsReceived"/>: handed back to the child as unjustified.</summary>
    public int EscalationsReturned { get; init; }

    /// <summary>结案率: <see cref="RegisteredClosed"/> / <see cref="Registered"/>.</summary>
    public double CloseRate => Ratio(RegisteredClosed, Registered);

    /// <summary>The denominator of the national on-time formula: due in the period less deferred.</summary>
    public int OnTimeDenominator => DueInPeriod - Deferred;

    /// <summary>按期结案率 = 按期结案数 / (应结案数 - 缓办数).</summary>
    public double OnTimeCloseRate => Ratio(ClosedOnTime, OnTimeDenominator);

    public double MeanTimeToCloseSeconds => Closed == 0 ? 0 : TimeToCloseTotal.TotalSeconds / Closed;

    public double MeanSatisfaction => Ratio(SatisfactionTotal, Rated);

    public double ReturnedShare => Ratio(EscalationsReturned, EscalationsReceived);

    /// <summary>True when any count is not zero: the unit did something in the period.</summary>
    public bool HasActivity => this != Empty;

    /// <summary>Both tallies added up (the rates of the sum are weighted by their denominators).</summary>
    public UnitTally Add(UnitTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new UnitTally
        {
            Reported = Reported + other.Reported,
            Registered = Registered + other.Registered,
            RegisteredClosed = RegisteredClosed + other.RegisteredClosed,
            DueInPeriod = DueInPeriod + other.DueInPeriod,
            Deferred = Deferred + other.Deferred,
            ClosedOnTime = ClosedOnTime + other.ClosedOnTime,
            Closed = Closed + other.Closed,
            TimeToCloseTotal = TimeToCloseTotal + other.TimeToCloseTotal,
            ReworkCount = ReworkCount + other.ReworkCount,
            OverdueCount = OverdueCount + other.OverdueCount,
            SupervisionCount = SupervisionCount + other.SupervisionCount,
            Rated = Rated + other.Rated,
            SatisfactionTotal = SatisfactionTotal + other.SatisfactionTotal,
            EscalationsReceived = EscalationsReceived + other.EscalationsReceived,
            EscalationsReturned = EscalationsReturned + other.EscalationsReturned,
        };
    }

    /// <summary>The time a closed case took: report to close, less the time it spent on hold (never negative).</summary>
    public static TimeSpan TimeToClose(DateTimeOffset reportedAt, DateTimeOffset closedAt, TimeSpan paused)
    {
        var taken = closedAt - reportedAt - paused;
        return taken < TimeSpan.Zero ? TimeSpan.Zero : taken;
    }

    private static double Ratio(long numerator, long denominator) => denominator <= 0 ? 0 : (double)numerator / denominator;
}
