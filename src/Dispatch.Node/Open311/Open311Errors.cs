using Dispatch.Node.Grpc;
using Grpc.Core;

namespace Dispatch.Node.Open311;

/// <summary>
/// GeoReport v2's error answer: an array of {code, description} with the HTTP status as code. Errors are mapped as the
/// gRPC API maps them (<see cref="ErrorMappingInterceptor.ToStatus"/>), then to HTTP: a bad or missing field 400 (naming
/// it), a missing or unknown api_key 403, an unknown service or request 404. A defect of ours is a 500 with an id the
/// node's log carries, never a stack trace.
/// </summary>
internal static partial class Open311Errors
{
    public static IResult Answer(string format, int status, string description) =>
        Open311Document.List(format, "errors", "error", [[new("code", status), new("description", description)]]).ToResult(status);

    public static IResult From(Exception error, string format, HttpContext context, ILogger logger)
    {
        if (ErrorMappingInterceptor.ToStatus(error) is { } status)
        {
            return Answer(format, HttpStatus(status.StatusCode), status.Detail);
        }

        LogUnexpected(logger, error, context.Request.Path, context.TraceIdentifier);
        return Answer(format, StatusCodes.Status500InternalServerError, $"Internal error {context.TraceIdentifier}: the node's log has the details.");
    }

    private static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.PermissionDenied or StatusCode.Unauthenticated => StatusCodes.Status403Forbidden,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    [LoggerMessage(1, LogLevel.Error, "Unexpected error in Open311 {Path}; the client got 500 with id {ErrorId}.")]
    private static partial void LogUnexpected(ILogger logger, Exception error, string path, string errorId);
}
