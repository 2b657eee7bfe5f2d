using System.CommandLine;
using Dispatch.Cli.App;

namespace Dispatch.Cli.Cases;

/// <summary>The case commands that are not a step of the loop: report, the lists, show and watch.</summary>
internal static class CaseCommands
{
    public static IEnumerable<Command> Create(CliContext cli) =>
    [
        ReportCommand.Create(cli),
        .. ListCommands.Create(cli),
        ShowCommand.Create(cli),
        WatchCommand.Create(cli),
    ];
}
