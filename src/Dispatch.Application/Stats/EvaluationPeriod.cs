using Dispatch.Application.Errors;

namespace Dispatch.Application.Stats;

/// <summary>A validated evaluation period: the half-open interval [From, To), at most <see cref="MaxLength"/> long.</summary>
internal sealed record EvaluationPeriod
{
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(366);

    private EvaluationPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        From = from;
        To = to;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    /// <summary>Checks the bounds; a bad one is INVALID_ARGUMENT naming <paramref name="fromField"/> or <paramref name="toField"/>.</summary>
    public static EvaluationPeriod Create(DateTimeOffset? from, DateTimeOffset? to, string fromField = "from", string toField = "to")
    {
        var start = from ?? throw new InvalidRequestException(fromField, "is required.");
        var end = to ?? throw new InvalidRequestException(toField, "is required.");
        if (end <= start)
        {
            throw new InvalidRequestException(toField, $"must be after {fromField}.");
        }

        if (end - start > MaxLength)
        {
            throw new InvalidRequestException(toField, $"is more than {MaxLength.TotalDays:0} days after {fromField}.");
        }

        return new EvaluationPeriod(start.ToUniversalTime(), end.ToUniversalTime());
    }
}
