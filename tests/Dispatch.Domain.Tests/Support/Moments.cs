namespace Dispatch.Domain.Tests.Support;

/// <summary>Points in time for tests; the domain never reads the clock, so tests pick every instant.</summary>
internal static class Moments
{
    /// <summary>When the test case is reported.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8));

    public static DateTimeOffset Minutes(double minutes) => T0.AddMinutes(minutes);

    public static DateTimeOffset Hours(double hours) => T0.AddHours(hours);
}
