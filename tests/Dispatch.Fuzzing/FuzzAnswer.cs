namespace Dispatch.Fuzzing;

/// <summary>How the node answered one case.</summary>
public enum AnswerKind
{
    /// <summary>A gRPC status (in the trailers, or trailers-only).</summary>
    Status,

    /// <summary>An HTTP status other than 200 (415 for a wrong content type, 4xx for a malformed request).</summary>
    Http,

    /// <summary>The stream or the connection was reset or closed by the node.</summary>
    Reset,

    /// <summary>A server stream that was open and sending when the case let go of it.</summary>
    Abandoned,

    /// <summary>An HTTP 200 that ended without a grpc-status.</summary>
    NoStatus,

    /// <summary>Nothing before the case's deadline.</summary>
    NoAnswer,
}

/// <summary>The answer to one case: its kind, the gRPC or HTTP status and message where there was one.</summary>
public sealed record FuzzAnswer(AnswerKind Kind, int Code = 0, string Message = "")
{
    public static readonly string[] StatusNames =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    public bool IsOk => Kind == AnswerKind.Status && Code == 0;

    /// <summary>The tally's key: a gRPC status name, "HTTP 415", "reset", ...</summary>
    public string Label => Kind switch
    {
        AnswerKind.Status => Code >= 0 && Code < StatusNames.Length ? StatusNames[Code] : $"status {Code}",
        AnswerKind.Http => $"HTTP {Code}",
        AnswerKind.Reset => "reset/closed",
        AnswerKind.Abandoned => "stream abandoned",
        AnswerKind.NoStatus => "no grpc-status",
        _ => "no answer",
    };
}
