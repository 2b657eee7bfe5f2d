using Dispatch.Application.Cases;
using Dispatch.Application.Errors;

namespace Dispatch.Node.Grpc;

/// <summary>Limits on request fields that only the transport has (the domain checks its own).</summary>
internal static class RequestLimits
{
    public const int RequestIdMaxLength = 64;
    public const int SearchTextMaxLength = 100;

    /// <summary>A case's evidence, as the domain allows it; checked here too, before each is parsed.</summary>
    public const int EvidenceRefsMax = Domain.Cases.CaseLimits.EvidenceRefsMaxCount;

    /// <summary>Values of one repeated list filter (statuses): more than an enum has members is never needed.</summary>
    public const int FilterValuesMax = 16;

    /// <summary>The grids of one user.</summary>
    public const int GridIdsMax = 100;

    /// <summary>
    /// A repeated field with at most <paramref name="max"/> elements, as a list; a longer one is INVALID_ARGUMENT
    /// before any element is looked at (a message may carry a hundred thousand of them).
    /// </summary>
    public static IReadOnlyList<T> Items<T>(IReadOnlyCollection<T> values, int max, string field) =>
        values.Count > max
            ? throw new InvalidRequestException(field, $"has {values.Count} elements; at most {max} are allowed.")
            : values.ToList();

    public static void RequestId(string requestId)
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw new InvalidRequestException("request_id", "is required: choose one per report and reuse it on retries.");
        }

        if (requestId.Length > RequestIdMaxLength)
        {
            throw new InvalidRequestException("request_id", $"is longer than {RequestIdMaxLength} characters.");
        }
    }

    public static string? SearchText(string text) =>
        text.Length > SearchTextMaxLength
            ? throw new InvalidRequestException("text", $"is longer than {SearchTextMaxLength} characters.")
            : text.Length == 0 ? null : text;

    public static int PageSize(int pageSize) => pageSize switch
    {
        0 => CaseQueries.DefaultPageSize,
        < 0 or > CaseQueries.MaxPageSize => throw new InvalidRequestException("page_size", $"must be between 1 and {CaseQueries.MaxPageSize}."),
        _ => pageSize,
    };
}
