namespace Dispatch.Fuzzing;

/// <summary>
/// What the node may answer to a case: any status or reset, but never UNKNOWN, never INTERNAL from the node's own code,
/// no 5xx, no silence, no success without a valid credential and no message that echoes a client's input whole.
/// </summary>
public static class FuzzJudge
{
    /// <summary>
    /// A grpc-message longer than this echoes input: the reply's headers then outgrow what clients accept. The node's
    /// error mapping cuts every message to this length (ErrorMappingInterceptor.MaxMessageLength).
    /// </summary>
    public const int MaxMessageLength = 1_024;

    /// <summary>
    /// INTERNAL is grpc-dotnet's own answer to a request it cannot read, before any of the node's code runs (bytes that are
    /// not the message, a broken frame, compression it cannot undo); other gRPC stacks answer the same.
    /// </summary>
    private static readonly string[] LibraryInternalMessages =
    [
        "Failed to deserialize request message.",
        "Incomplete message.",
        "Additional data after the message received.",
        "Request did not include grpc-encoding value with compressed message.",
        "Request sent 'identity' grpc-encoding value with compressed message.",
        "Incoming message cancelled.",
    ];

    public static bool IsLibraryInternal(string message) => LibraryInternalMessages.Contains(message, StringComparer.Ordinal);

    /// <summary>The rule the answer breaks, or null when it is a fair answer.</summary>
    public static string? Violation(FuzzCase fuzzCase, FuzzAnswer answer) => answer switch
    {
        { Kind: AnswerKind.Status, Code: 2 } => "UNKNOWN",
        { Kind: AnswerKind.Status, Code: 13 } when !IsLibraryInternal(answer.Message) => "INTERNAL from the node",
        { Kind: AnswerKind.Status } when answer.Message.Length > MaxMessageLength => $"a status message over {MaxMessageLength} characters",
        { Kind: AnswerKind.Status, Code: 0 } when !fuzzCase.Credential.Valid && !fuzzCase.Rpc.Anonymous => "OK without a valid credential",
        { Kind: AnswerKind.Http, Code: >= 500 } => $"HTTP {answer.Code}",
        { Kind: AnswerKind.NoStatus } => "HTTP 200 without grpc-status",
        { Kind: AnswerKind.NoAnswer } => "no answer",
        _ => null,
    };
}
