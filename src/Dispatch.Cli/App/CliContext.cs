using System.CommandLine;
using Dispatch.Cli.Profiles;
using Dispatch.Cli.Texts;

namespace Dispatch.Cli.App;

/// <summary>
/// One run of the tool: its console, its language (chosen before parsing, so help is built in it), the global
/// options every command has, and the way commands are given their actions.
/// </summary>
internal sealed class CliContext
{
    public CliContext(CliConsole console, Language language, IReadOnlyList<string> args)
    {
        Console = console;
        Language = language;
        Args = args;
        Json = new Option<bool>("--json") { Recursive = true, Description = T(CoreTexts.JsonOption) };
        Lang = new Option<string>("--lang") { Recursive = true, Description = T(CoreTexts.LangOption), HelpName = "zh|en" };
        Lang.AcceptOnlyFromAmong("zh", "en");
        Profile = new Option<string>("--profile") { Recursive = true, Description = T(CoreTexts.ProfileOption), HelpName = "NAME" };
    }

    public CliConsole Console { get; }

    public Language Language { get; }

    /// <summary>The command line as given, to print the command for the next page.</summary>
    public IReadOnlyList<string> Args { get; }

    public Option<bool> Json { get; }

    public Option<string> Lang { get; }

    public Option<string> Profile { get; }

    /// <summary>The node address the last call went to (or was to go to), for the message when it cannot be reached.</summary>
    public string? Address { get; set; }

    public ProfileStore Profiles => new(Console.ConfigDirectory, Console.Environment("DISPATCH_SESSION"));

    public string T(Text text, params object?[] args) => text.In(Language, args);

    /// <summary>Gives <paramref name="command"/> its action: a <see cref="CommandRun"/> (and its connection) for the call.</summary>
    public void SetAction(Command command, Func<CommandRun, Task<int>> action) =>
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            using var run = new CommandRun(this, result, cancellationToken);
            return await action(run);
        });

    /// <summary>A command whose help text is <paramref name="description"/> in the run's language.</summary>
    public Command Command(string name, Text description, params Symbol[] symbols)
    {
        var command = new Command(name, T(description));
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                case Command subcommand:
                    command.Subcommands.Add(subcommand);
                    break;
            }
        }

        return command;
    }
}
