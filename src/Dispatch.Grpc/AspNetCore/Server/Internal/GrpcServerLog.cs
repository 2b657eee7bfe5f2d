using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Internal;

internal static partial class GrpcServerLog
{
    [LoggerMessage(1, LogLevel.Error, "Error when executing service method '{Method}'.")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "Deadline exceeded for '{Method}'; the handler is still running and its token is cancelled.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(3, LogLevel.Debug, "Invalid grpc-timeout header value '{Value}' ignored.")]
    public static partial void InvalidTimeout(ILogger logger, string value);

    [LoggerMessage(4, LogLevel.Debug, "Handler for '{Method}' ended after its call was complete: {Message}")]
    public static partial void LateHandlerError(ILogger logger, string method, string message);

    [LoggerMessage(5, LogLevel.Debug, "Could not write the status of '{Method}': {Message}")]
    public static partial void StatusWriteFailed(ILogger logger, string method, string message);
}
