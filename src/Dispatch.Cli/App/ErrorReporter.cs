using Dispatch.Cli.Texts;
using Grpc.Core;

namespace Dispatch.Cli.App;

/// <summary>
/// Turns whatever ended a command into one or two short lines for people and an exit code by class of outcome;
/// never a stack trace.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(CliContext cli, Exception exception)
    {
        var (message, code) = Explain(cli, exception);
        cli.Console.Error.WriteLine(cli.T(CoreTexts.ErrorPrefix, message));
        return code;
    }

    private static (string Message, int Code) Explain(CliContext cli, Exception exception) => exception switch
    {
        CliException e => (e.Message, e.ExitCode),
        RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException when cli.Console.Interrupt.IsCancellationRequested =>
            (cli.T(CoreTexts.Interrupted), ExitCodes.Interrupted),
        RpcException e => (Explain(cli, e), ExitCodes.Of(e.StatusCode)),
        _ => (cli.T(CoreTexts.Unexpected, exception.GetType().Name, exception.Message), ExitCodes.Failure),
    };

    private static string Explain(CliContext cli, RpcException e)
    {
        var detail = e.Status.Detail;
        var address = cli.Address ?? "?";
        return e.StatusCode switch
        {
            StatusCode.Unavailable => cli.T(CoreTexts.Unavailable, address, detail),
            StatusCode.DeadlineExceeded => cli.T(CoreTexts.DeadlineExceeded, address),
            StatusCode.ResourceExhausted => cli.T(CoreTexts.ResourceExhausted, detail),
            StatusCode.Unauthenticated => cli.T(CoreTexts.Unauthenticated, detail),
            StatusCode.PermissionDenied => cli.T(CoreTexts.PermissionDenied, detail),
            StatusCode.NotFound => cli.T(CoreTexts.NotFound, detail),
            StatusCode.Aborted => cli.T(CoreTexts.Aborted, detail),
            StatusCode.AlreadyExists => cli.T(CoreTexts.AlreadyExists, detail),
            StatusCode.FailedPrecondition => cli.T(CoreTexts.FailedPrecondition, detail),
            StatusCode.InvalidArgument or StatusCode.OutOfRange => cli.T(CoreTexts.InvalidArgument, detail),
            _ => cli.T(CoreTexts.NodeFailed, e.StatusCode, detail),
        };
    }
}
