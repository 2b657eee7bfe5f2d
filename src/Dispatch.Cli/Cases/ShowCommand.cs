using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Cases;

/// <summary>show: a case's facts and its timeline.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext cli)
    {
        var shared = new CaseOptions(cli);
        var command = cli.Command("show", CaseTexts.ShowDescription, shared.Case);
        cli.SetAction(command, async run =>
        {
            var found = await run.FindCaseAsync(run.Get(shared.Case));
            run.Show(new GetCaseResponse { Case = found }, () => CasePrinter.Details(run, found));
            return ExitCodes.Ok;
        });
        return command;
    }
}
