using Grpc.Core;

namespace Dispatch.Node.Escalation;

/// <summary>What the parent's failed answer to an outbox message means for that message.</summary>
internal enum ParentAnswer
{
    /// <summary>The call may succeed later as it is (the parent or the link is down, slow or busy): retry with backoff.</summary>
    Transient,

    /// <summary>
    /// The parent does not accept this node (its credential or registration is wrong): every message would get
    /// this, so it is not the message's fault. Kept and retried at the slowest pace until an operator fixes it.
    /// </summary>
    NodeRefused,

    /// <summary>The parent refused this message for good: stored as refused, never sent again automatically.</summary>
    MessageRefused,
}

internal static class ParentAnswers
{
    /// <summary>Anything not known to be transient or about the node is the message's: retrying it cannot help.</summary>
    public static ParentAnswer Classify(StatusCode code) => code switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown
            or StatusCode.Cancelled or StatusCode.ResourceExhausted or StatusCode.Aborted => ParentAnswer.Transient,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => ParentAnswer.NodeRefused,
        _ => ParentAnswer.MessageRefused,
    };
}
