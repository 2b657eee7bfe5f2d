using Grpc.Core;

namespace Dispatch.Cli.App;

/// <summary>The tool's exit codes, by class of outcome (listed in the root --help and the README).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotSignedIn = 3;
    public const int PermissionDenied = 4;
    public const int NotFound = 5;
    public const int Conflict = 6;
    public const int Unavailable = 7;
    public const int Interrupted = 130;

    public static int Of(StatusCode status) => status switch
    {
        StatusCode.OK => Ok,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => Usage,
        StatusCode.Unauthenticated => NotSignedIn,
        StatusCode.PermissionDenied => PermissionDenied,
        StatusCode.NotFound => NotFound,
        StatusCode.Aborted or StatusCode.AlreadyExists or StatusCode.FailedPrecondition => Conflict,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted => Unavailable,
        _ => Failure,
    };
}
