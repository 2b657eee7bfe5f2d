using System.Globalization;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Geography;

namespace Dispatch.Node.Bench;

/// <summary>
/// Makes plausible cases through the domain itself (report, then the real transitions), so every filled
/// row is one the node could have written. Reports are spread evenly over a year ending a day before
/// <c>now</c>; old cases are mostly finished, recent ones mostly open; open cases past their deadline are
/// often marked overdue. Deterministic for a given seed and index.
/// </summary>
internal sealed class FillCaseFactory(FillDirectory directory, DateTimeOffset now, int seed, bool openAhead = false)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(365);
    private static readonly string[] Places = ["the east gate", "building 3", "the market", "the school", "the bus stop", "the park", "the river path", "block 12"];

    private readonly CategoryCatalogue _catalogue = CategoryCatalogue.Default;
    private readonly Category[] _leaves = CategoryCatalogue.Default.All.Where(c => CategoryCatalogue.Default.IsLeaf(c.Code)).ToArray();

    /// <summary>Case <paramref name="index"/> of <paramref name="count"/>; later indexes are reported later.</summary>
    public Case Create(long index, long count)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var start = now - TimeSpan.FromDays(1) - Window;
        var reportedAt = openAhead
            ? now - TimeSpan.FromHours(12) + (TimeSpan.FromHours(12) * ((index + random.NextDouble()) / count))
            : start + (Window * ((index + random.NextDouble()) / count));
        var id = UniqueId(index, random);
        var grid = directory.Grids[random.Next(directory.Grids.Count)];
        var reporter = directory.WorkerByGrid[grid];
        var category = _leaves[random.Next(_leaves.Length)];
        var whistle = Pick(random, (80, WhistleClass.Daily), (15, WhistleClass.Tough), (5, WhistleClass.Emergency));
        var mode = Pick(random, (40, HandlingMode.Fast), (35, HandlingMode.Split), (10, HandlingMode.Joint), (5, HandlingMode.Leader), (10, HandlingMode.Immediate));
        var report = new CaseReport
        {
            Id = id,
            Number = "C-" + reportedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + id.ToString("N")[..12].ToUpperInvariant(),
            RequestId = $"fill-{seed}-{index}",
            Title = $"{category.Name} near {Places[random.Next(Places.Length)]}",
            Description = random.Next(3) == 0 ? "Reported during the morning patrol." : null,
            CategoryCode = category.Code,
            GridId = grid,
            Location = Location.Create(39.9 + (random.NextDouble() / 10), 116.4 + (random.NextDouble() / 10), $"{grid.Value[^3..]} {Places[random.Next(Places.Length)]}"),
            Whistle = whistle,
            HandlingMode = mode,
            ReporterId = reporter,
            EvidenceRefs = random.Next(4) == 0 ? [$"https://evidence.example/{id:N}.jpg"] : [],
            DueAt = reportedAt + Deadline(whistle),
        };
        if (openAhead)
        {
            // Still open, due 1 to 30 days from now, the reminder at three quarters of the time.
            var dueAt = now + TimeSpan.FromDays(1 + (29 * random.NextDouble()));
            return Case.Report(report with { HandlingMode = HandlingMode.Fast, DueAt = dueAt, RemindAt = reportedAt + ((dueAt - reportedAt) * 0.75) }, _catalogue, reportedAt);
        }

        var @case = Case.Report(report, _catalogue, reportedAt);
        new FillLifecycle(directory, now, random).Advance(@case, recent: now - reportedAt < TimeSpan.FromDays(60));
        return @case;
    }

    private static TimeSpan Deadline(WhistleClass whistle) => whistle switch
    {
        WhistleClass.Emergency => TimeSpan.FromHours(2),
        WhistleClass.Tough => TimeSpan.FromDays(7),
        _ => TimeSpan.FromHours(24),
    };

    /// <summary>A random id whose first 8 hex digits (the case number's suffix) differ for every index.</summary>
    private Guid UniqueId(long index, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var prefix = unchecked((uint)(index + ((long)seed << 24)) * 2654435761u); // odd multiplier: a bijection on 32 bits
        bytes[3] = (byte)(prefix >> 24);
        bytes[2] = (byte)(prefix >> 16);
        bytes[1] = (byte)(prefix >> 8);
        bytes[0] = (byte)prefix;
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    internal static T Pick<T>(Random random, params (int Weight, T Value)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (weight, value) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return choices[^1].Value;
    }
}
