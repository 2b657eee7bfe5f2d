using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.NodeDirectory;

/// <summary>
/// user set: adds a user, or changes only what the options give (the node replaces a user whole, so the rest is
/// taken from the user as the node has it). A new user's password, when not given, is asked for twice without echo.
/// </summary>
internal static class UserSetCommand
{
    public static Command Create(CliContext cli)
    {
        var user = new Argument<string>("user") { Description = cli.T(DirectoryTexts.UserNameArgument) };
        var role = new Option<Role>("--role") { Description = cli.T(DirectoryTexts.RoleOption), HelpName = "ROLE" };
        var displayName = new Option<string>("--display-name") { Description = cli.T(DirectoryTexts.DisplayNameOption), HelpName = "NAME" };
        var grids = new Option<string[]>("--grid") { Description = cli.T(DirectoryTexts.GridsOption), HelpName = "ID", AllowMultipleArgumentsPerToken = true };
        var department = new Option<string>("--department") { Description = cli.T(DirectoryTexts.UserDepartmentOption), HelpName = "CODE" };
        var password = new Option<string>("--password") { Description = cli.T(DirectoryTexts.PasswordOption) };
        var command = cli.Command("set", DirectoryTexts.UserSetDescription, user, role, displayName, grids, department, password);
        cli.SetAction(command, async run =>
        {
            var name = run.Get(user);
            var existing = await DirectoryLookups.FindUserAsync(run, name);
            if (existing is null && !run.Given(role))
            {
                throw new CliException(run.T(DirectoryTexts.RoleRequired));
            }

            var changed = existing?.Clone() ?? new User { UserName = name, DisplayName = name };
            changed.Locked = false;
            if (run.Given(role))
            {
                changed.Role = run.Get(role);
            }

            if (run.Get(displayName) is { Length: > 0 } shown)
            {
                changed.DisplayName = shown;
            }

            if (run.Given(grids) && run.Get(grids) is { } given)
            {
                changed.GridIds.Clear();
                changed.GridIds.AddRange(given.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }

            if (run.Given(department) && run.Get(department) is { } codeOrId)
            {
                changed.DepartmentId = codeOrId.Length == 0 ? "" : await DirectoryLookups.DepartmentIdAsync(run, codeOrId);
            }

            var secret = run.Get(password) ?? (existing is null ? NewPassword(run, name) : "");
            var response = await run.Connection.Directory.UpsertUserAsync(new UpsertUserRequest { User = changed, Password = secret }, cancellationToken: run.Cancellation);
            var saved = response.User;
            run.Show(response, () => run.Line(run.T(DirectoryTexts.UserSaved, saved.UserName, saved.DisplayName, Names.Of(run, saved.Role))));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Asked for twice at a terminal (a typo would lock the user out); one line of standard input otherwise.</summary>
    private static string NewPassword(CommandRun run, string userName)
    {
        var console = run.Cli.Console;
        if (!console.InputIsTerminal)
        {
            return console.In.ReadLine() is { Length: > 0 } piped ? piped : throw new CliException(run.T(CoreTexts.PasswordMissing));
        }

        var first = console.ReadPassword(run.T(DirectoryTexts.NewPasswordPrompt, userName));
        if (first is not { Length: > 0 })
        {
            throw new CliException(run.T(CoreTexts.PasswordMissing));
        }

        return console.ReadPassword(run.T(DirectoryTexts.RepeatPasswordPrompt)) == first ? first : throw new CliException(run.T(DirectoryTexts.PasswordsDiffer));
    }
}
