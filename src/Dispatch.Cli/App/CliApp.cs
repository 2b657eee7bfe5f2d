using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using Dispatch.Cli.Cases;
using Dispatch.Cli.Import;
using Dispatch.Cli.NodeDirectory;
using Dispatch.Cli.Outbox;
using Dispatch.Cli.Profiles;
using Dispatch.Cli.Stats;
using Dispatch.Cli.Supervision;
using Dispatch.Cli.Texts;

namespace Dispatch.Cli.App;

/// <summary>
/// The tool, callable in-process: parses <c>args</c>, runs the command against <see cref="CliConsole"/> and returns
/// the exit code. Program.cs calls it with the real console; tests with string writers.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var language = LanguageChoice.From(args, console.Environment, CultureInfo.CurrentUICulture);

        // System.CommandLine's own texts are taken in English and translated (ParserLocalization); this flow only.
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var cli = new CliContext(console, language, args);
        var root = Root(cli);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // Ctrl+C is the console's to turn into a cancellation (Program.cs), so tests can press it too.
            ProcessTerminationTimeout = null,
        };

        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
            {
                foreach (var error in parsed.Errors)
                {
                    console.Error.WriteLine(cli.T(CoreTexts.ErrorPrefix, ParserLocalization.Error(error.Message, language)));
                }

                var path = parsed.CommandResult.Command.Parents.OfType<Command>().Reverse().Append(parsed.CommandResult.Command).Select(c => c.Name);
                console.Error.WriteLine(cli.T(CoreTexts.SeeHelp, string.Join(' ', path)));
                return ExitCodes.Usage;
            }

            return await parsed.InvokeAsync(configuration, console.Interrupt);
        }
        catch (Exception exception)
        {
            return ErrorReporter.Report(cli, exception);
        }
    }

    private static Command Root(CliContext cli)
    {
        var root = new Command("dispatch", cli.T(CoreTexts.RootDescription))
        {
            new HelpOption { Description = cli.T(CoreTexts.HelpOption) },
            new VersionOption { Description = cli.T(CoreTexts.VersionOption) },
            cli.Json,
            cli.Lang,
            cli.Profile,
        };
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new LocalizedHelp((SynchronousCommandLineAction)help.Action!, cli);
        foreach (var command in Commands(cli))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Every command, in the order --help lists them.</summary>
    private static IEnumerable<Command> Commands(CliContext cli) =>
    [
        .. ProfileCommands.Create(cli),
        .. CaseCommands.Create(cli),
        .. CaseCommandFactory.Create(cli),
        .. SupervisionCommands.Create(cli),
        .. StatsCommands.Create(cli),
        .. OutboxCommands.Create(cli),
        .. DirectoryListCommands.Create(cli),
        .. DirectoryAdminCommands.Create(cli),
        ImportCommand.Create(cli),
    ];
}
