using Dispatch.Node.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Localization;

namespace Dispatch.Node.Dashboard;

/// <summary>
/// A refused action in words: the status the gRPC API would answer (one mapping, <see cref="ErrorMappingInterceptor"/>)
/// as a localized heading, with the API's own message.
/// </summary>
internal static class DashboardErrors
{
    /// <summary>The message for an error the API maps to a status, or null for a fault (which the circuit reports).</summary>
    public static string? Describe(Exception error, IStringLocalizer text) =>
        ErrorMappingInterceptor.ToStatus(error) is { } status ? $"{text[Heading(status.StatusCode)]}: {status.Detail}" : null;

    private static string Heading(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "Invalid input",
        StatusCode.NotFound => "Not found",
        StatusCode.FailedPrecondition => "Not possible in the case's state",
        StatusCode.PermissionDenied => "Not allowed",
        StatusCode.Aborted => "Changed by someone else; reload",
        StatusCode.AlreadyExists => "Already exists",
        StatusCode.Unauthenticated => "Sign-in failed",
        StatusCode.Unavailable => "The node is stopping",
        StatusCode.ResourceExhausted => "Too many requests",
        _ => "Refused",
    };
}
