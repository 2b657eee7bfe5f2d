using System.CommandLine;
using System.CommandLine.Invocation;
using Dispatch.Cli.Texts;

namespace Dispatch.Cli.App;

/// <summary>--help in the run's language, and on the root the exit codes after it.</summary>
internal sealed class LocalizedHelp(SynchronousCommandLineAction help, CliContext cli) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var english = new StringWriter();
        parseResult.InvocationConfiguration.Output = english;
        try
        {
            help.Invoke(parseResult);
        }
        finally
        {
            parseResult.InvocationConfiguration.Output = output;
        }

        output.Write(ParserLocalization.Help(english.ToString(), cli.Language));
        if (parseResult.CommandResult.Command.Parents.Any())
        {
            return ExitCodes.Ok;
        }

        output.WriteLine(cli.T(CoreTexts.ExitCodesTitle));
        foreach (var (code, text) in new[]
        {
            (ExitCodes.Ok, CoreTexts.ExitOk), (ExitCodes.Failure, CoreTexts.ExitFailure), (ExitCodes.Usage, CoreTexts.ExitUsage),
            (ExitCodes.NotSignedIn, CoreTexts.ExitNotSignedIn), (ExitCodes.PermissionDenied, CoreTexts.ExitPermissionDenied),
            (ExitCodes.NotFound, CoreTexts.ExitNotFound), (ExitCodes.Conflict, CoreTexts.ExitConflict),
            (ExitCodes.Unavailable, CoreTexts.ExitUnavailable), (ExitCodes.Interrupted, CoreTexts.ExitInterrupted),
        })
        {
            output.WriteLine($"  {code,-5}{cli.T(text)}");
        }

        output.WriteLine();
        return ExitCodes.Ok;
    }
}
