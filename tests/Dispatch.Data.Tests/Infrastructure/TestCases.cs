using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>Builds valid cases for storage tests; every value can be overridden.</summary>
internal static class TestCases
{
    /// <summary>
    /// A fixed time, never the clock: storage tests compare what they wrote with what they read. It has
    /// microseconds but no finer ticks: PostgreSQL's timestamptz keeps microseconds (SQLite keeps ticks).
    /// </summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 24, 8, 30, 15, TimeSpan.Zero).AddTicks(1234560);

    public static readonly GridId Grid = GridId.Parse("110101001002003");

    public const string PhotoUrl = "https://evidence.example.org/photos/1.jpg";

    public static readonly string PhotoHash = "sha256:" + new string('a', 64);

    public static Case Report(
        Guid? reporterId = null,
        string? requestId = null,
        string? number = null,
        DateTimeOffset? now = null,
        DateTimeOffset? dueAt = null,
        GridId? grid = null,
        string categoryCode = "0101",
        WhistleClass whistle = WhistleClass.Daily,
        HandlingMode handlingMode = HandlingMode.Fast,
        IReadOnlyList<string>? evidenceRefs = null)
    {
        var at = now ?? T0;
        var report = new CaseReport
        {
            Id = Guid.CreateVersion7(at),
            Number = number ?? "C-" + Guid.NewGuid().ToString("N")[..20],
            RequestId = requestId ?? Guid.NewGuid().ToString(),
            Title = "Street light out",
            Description = "The lamp at the corner has been dark for three nights.",
            CategoryCode = categoryCode,
            GridId = grid ?? Grid,
            Location = Location.Create(39.9042123456789, 116.4073987654321, "Corner of 1st and Main"),
            Whistle = whistle,
            HandlingMode = handlingMode,
            ReporterId = reporterId ?? Guid.NewGuid(),
            EvidenceRefs = evidenceRefs ?? [PhotoUrl, PhotoHash],
            DueAt = dueAt ?? at.AddHours(24),
        };
        return Case.Report(report, CategoryCatalogue.Default, at);
    }
}
