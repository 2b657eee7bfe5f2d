using Dispatch.Application.Errors;
using Dispatch.Domain.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Dispatch.Node.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dispatch.Node.Grpc;

/// <summary>
/// The one place where domain and application errors become gRPC statuses (see DESIGN.md): bad field
/// INVALID_ARGUMENT, unknown id NOT_FOUND, illegal transition FAILED_PRECONDITION, out of scope
/// PERMISSION_DENIED (and a locked account), stale version ABORTED, over a limit RESOURCE_EXHAUSTED (with retry
/// information), a taken unique name ALREADY_EXISTS, a failed sign-in UNAUTHENTICATED, a stream cut by shutdown
/// UNAVAILABLE. Services and the domain never throw RpcException. Anything else is a defect of ours: INTERNAL with an
/// id that the node's error log carries beside the exception, never grpc-dotnet's UNKNOWN.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    /// <summary>
    /// The longest status message a client gets. Messages quote client values only shortened (ClientValue), so this
    /// only cuts what slipped past that; a message travels in a header, which clients limit (8 to 16 KiB is common).
    /// </summary>
    public const int MaxMessageLength = 1_024;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } status)
        {
            throw new RpcException(status, Trailers(ex));
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } status)
        {
            throw new RpcException(status, Trailers(ex));
        }
    }

    /// <summary>The status of a known error, bounded in length; null for an unknown one (the dashboard words those itself).</summary>
    internal static Status? ToStatus(Exception error) => Known(error) is { } status ? Bounded(status) : null;

    /// <summary>
    /// A known error's status; an unknown one becomes INTERNAL and is logged with its id. A call the client
    /// cancelled or whose deadline passed is left to grpc-dotnet, which answers CANCELLED or DEADLINE_EXCEEDED;
    /// an RpcException already carries its status.
    /// </summary>
    private Status? Map(Exception error, ServerCallContext context)
    {
        if (error is RpcException || context.CancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (ToStatus(error) is { } status)
        {
            return status;
        }

        var id = context.GetHttpContext().TraceIdentifier;
        LogUnexpected(logger, error, context.Method, id);
        return new Status(StatusCode.Internal, $"Internal error {id}: the node's log has the details.");
    }

    private static Status? Known(Exception error) => error switch
    {
        DomainValidationException invalid => InvalidArgument(invalid),
        DomainRuleException rule => new Status(StatusCode.FailedPrecondition, $"{rule.Rule}: {rule.Message}"),
        InvalidRequestException invalid => new Status(StatusCode.InvalidArgument, invalid.Message),
        NotFoundException notFound => new Status(StatusCode.NotFound, notFound.Message),
        AccessDeniedException denied => new Status(StatusCode.PermissionDenied, denied.Message),
        AccountLockedException locked => new Status(StatusCode.PermissionDenied, locked.Message),
        LimitExceededException limit => new Status(StatusCode.ResourceExhausted, limit.Message),
        StaleVersionException stale => new Status(StatusCode.Aborted, stale.Message),
        SignInFailedException failed => new Status(StatusCode.Unauthenticated, failed.Message),
        NodeStoppingException stopping => new Status(StatusCode.Unavailable, stopping.Message),
        ConflictException conflict => new Status(StatusCode.AlreadyExists, conflict.Message),
        DbUpdateConcurrencyException => new Status(StatusCode.Aborted, "The case was changed by someone else; reload it and retry."),
        _ => null,
    };

    private static Status Bounded(Status status) =>
        status.Detail.Length <= MaxMessageLength ? status : new Status(status.StatusCode, status.Detail[..(MaxMessageLength - 1)] + "…");

    /// <summary>Retry information for a limit that waiting lifts (<see cref="RetryPushback"/>); none for other errors.</summary>
    private static Metadata Trailers(Exception error) =>
        error is LimitExceededException { RetryAfter: { } retryAfter } ? RetryPushback.Trailers(retryAfter) : Metadata.Empty;

    /// <summary>
    /// The domain names fields as its parameters (camelCase: <c>evidenceRefs[2]</c>); clients know them by
    /// their contract names (snake_case: <c>evidence_refs[2]</c>), which the transport's own checks use too.
    /// </summary>
    private static Status InvalidArgument(DomainValidationException invalid)
    {
        var field = ContractFieldName(invalid.Field);
        return new Status(StatusCode.InvalidArgument, $"{field}: {invalid.Message.Replace(invalid.Field, field, StringComparison.Ordinal)}");
    }

    internal static string ContractFieldName(string field)
    {
        var name = new System.Text.StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                name.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                name.Append(c);
            }
        }

        return name.ToString();
    }

    [LoggerMessage(1, LogLevel.Error, "Unexpected error in {Method}; the client got INTERNAL with id {ErrorId}.")]
    private static partial void LogUnexpected(ILogger logger, Exception error, string method, string errorId);
}
