using Dispatch.Application.Cases;
using Dispatch.Application.Errors;

namespace Dispatch.Node.Grpc;

/// <summary>Limits on request fields that only the transport has (the domain checks its own).</summary>
internal static class RequestLimits
{
    public const int RequestIdMaxLength = 64;
    public const int SearchTextMaxLength = 100;

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
