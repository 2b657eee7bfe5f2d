using System.Text.RegularExpressions;
using Dispatch.Application.Cases;

namespace Dispatch.Node.Tests;

/// <summary>Case numbers: readable, the report date first, and in report order within a day (so their index is appended to).</summary>
public sealed partial class CaseNumbersTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Number_IsTheReportDate_AndTwelveHexDigits()
    {
        var number = CaseNumbers.For(Morning, CaseNumbers.NewId(Morning));

        Assert.Matches(Shape(), number);
        Assert.StartsWith("C-20261124-", number);
    }

    [Fact]
    public void Numbers_OfOneDay_SortInTheOrderTheCasesWereReported()
    {
        var times = Enumerable.Range(0, 200).Select(i => Morning.AddMilliseconds(i * 997L)).ToList();
        var numbers = times.Select(at => CaseNumbers.For(at, CaseNumbers.NewId(at))).ToList();

        Assert.Equal(numbers, numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Numbers_OfTheSameMillisecond_DifferByTheIdsRandomPart()
    {
        var numbers = Enumerable.Range(0, 50).Select(_ => CaseNumbers.For(Morning, CaseNumbers.NewId(Morning))).ToHashSet();

        Assert.True(numbers.Count >= 49, $"{50 - numbers.Count} of 50 numbers of one millisecond repeated");
    }

    [Fact]
    public void Number_UsesTheUtcDate_OfAReportMadeInAnotherTimeZone()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 24, 23, 59, 59, 999, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));

        var number = CaseNumbers.For(lateEvening, Guid.CreateVersion7(lateEvening));

        Assert.StartsWith("C-20261124-5265BFF", number);
    }

    [GeneratedRegex("^C-[0-9]{8}-[0-9A-F]{12}$")]
    private static partial Regex Shape();
}
