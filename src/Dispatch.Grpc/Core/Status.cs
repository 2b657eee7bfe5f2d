using System.Diagnostics;

namespace Grpc.Core;

/// <summary>The outcome of a call: a code and a human-readable detail.</summary>
[DebuggerDisplay("{StatusCode}: {Detail}")]
public struct Status
{
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    // Kept nullable so that default(Status) still reports an empty detail, never null.
    private readonly string? _detail;

    public Status(StatusCode statusCode, string detail)
        : this(statusCode, detail, null)
    {
    }

    public Status(StatusCode statusCode, string detail, Exception? debugException)
    {
        StatusCode = statusCode;
        _detail = detail;
        DebugException = debugException;
    }

    public StatusCode StatusCode { get; }

    public string Detail => _detail ?? "";

    /// <summary>A local exception that explains the status; never sent over the wire.</summary>
    public Exception? DebugException { get; }

    public override string ToString()
    {
        var text = $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\"";
        return DebugException is null
            ? text + ")"
            : text + $", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
    }
}
