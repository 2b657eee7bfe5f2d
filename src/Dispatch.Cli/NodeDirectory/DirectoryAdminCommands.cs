using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.NodeDirectory;

/// <summary>
/// grid set, department set, user set, user unlock, rule set and rule delete: the directory's upserts
/// (administrators). Departments and users are named as people know them (code, user name), not by id.
/// </summary>
internal static class DirectoryAdminCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return cli.Command("grid", DirectoryTexts.GridDescription, GridSet(cli));
        yield return cli.Command("department", DirectoryTexts.DepartmentDescription, DepartmentSet(cli));
        yield return cli.Command("user", DirectoryTexts.UserDescription, UserSetCommand.Create(cli), UserUnlock(cli));
        yield return cli.Command("rule", DirectoryTexts.RuleDescription, RuleSet(cli), RuleDelete(cli));
    }

    private static Command GridSet(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = cli.T(DirectoryTexts.GridIdArgument) };
        var name = new Argument<string>("name") { Description = cli.T(DirectoryTexts.NameArgument) };
        var command = cli.Command("set", DirectoryTexts.GridSetDescription, id, name);
        cli.SetAction(command, async run =>
        {
            var response = await run.Connection.Directory.UpsertGridAsync(
                new UpsertGridRequest { Grid = new Grid { Id = run.Get(id), Name = run.Get(name) } }, cancellationToken: run.Cancellation);
            run.Show(response, () => run.Line(run.T(DirectoryTexts.GridSaved, response.Grid.Id, response.Grid.Name)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command DepartmentSet(CliContext cli)
    {
        var code = new Argument<string>("code") { Description = cli.T(DirectoryTexts.DepartmentCodeArgument) };
        var name = new Argument<string>("name") { Description = cli.T(DirectoryTexts.NameArgument) };
        var command = cli.Command("set", DirectoryTexts.DepartmentSetDescription, code, name);
        cli.SetAction(command, async run =>
        {
            var existing = await DirectoryLookups.FindDepartmentAsync(run, run.Get(code));
            var department = new Department { Id = existing?.Id ?? "", Code = existing?.Code ?? run.Get(code), Name = run.Get(name) };
            var response = await run.Connection.Directory.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = department }, cancellationToken: run.Cancellation);
            var saved = response.Department;
            run.Show(response, () => run.Line(run.T(DirectoryTexts.DepartmentSaved, saved.Code, saved.Name, saved.Id)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command UserUnlock(CliContext cli)
    {
        var user = new Argument<string>("user") { Description = cli.T(DirectoryTexts.UserNameArgument) };
        var command = cli.Command("unlock", DirectoryTexts.UserUnlockDescription, user);
        cli.SetAction(command, async run =>
        {
            var found = await DirectoryLookups.FindUserAsync(run, run.Get(user))
                ?? throw new CliException(run.T(DirectoryTexts.UnknownUser, run.Get(user)), ExitCodes.NotFound);
            var response = await run.Connection.Directory.UnlockUserAsync(new UnlockUserRequest { UserId = found.Id }, cancellationToken: run.Cancellation);
            run.Show(response, () => run.Line(run.T(DirectoryTexts.UserUnlocked, response.User.UserName)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RuleSet(CliContext cli)
    {
        var category = new Argument<string>("category") { Description = cli.T(DirectoryTexts.CategoryArgument) };
        var department = new Argument<string>("department") { Description = cli.T(DirectoryTexts.DepartmentArgument) };
        var grid = RuleGrid(cli);
        var command = cli.Command("set", DirectoryTexts.RuleSetDescription, category, department, grid);
        cli.SetAction(command, async run =>
        {
            var rule = new RoutingRule { CategoryCode = run.Get(category), GridId = run.Get(grid) ?? "", DepartmentId = await DirectoryLookups.DepartmentIdAsync(run, run.Get(department)) };
            var response = await run.Connection.Directory.UpsertRoutingRuleAsync(new UpsertRoutingRuleRequest { Rule = rule }, cancellationToken: run.Cancellation);
            run.Show(response, () => run.Line(run.T(DirectoryTexts.RuleSaved, rule.CategoryCode, GridWords(run, rule.GridId), run.Get(department))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RuleDelete(CliContext cli)
    {
        var category = new Argument<string>("category") { Description = cli.T(DirectoryTexts.CategoryArgument) };
        var grid = RuleGrid(cli);
        var command = cli.Command("delete", DirectoryTexts.RuleDeleteDescription, category, grid);
        cli.SetAction(command, async run =>
        {
            var request = new DeleteRoutingRuleRequest { CategoryCode = run.Get(category), GridId = run.Get(grid) ?? "" };
            var response = await run.Connection.Directory.DeleteRoutingRuleAsync(request, cancellationToken: run.Cancellation);
            run.Show(response, () => run.Line(run.T(DirectoryTexts.RuleDeleted, request.CategoryCode, GridWords(run, request.GridId))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> RuleGrid(CliContext cli) => new("--grid") { Description = cli.T(DirectoryTexts.RuleGridOption), HelpName = "ID" };

    private static string GridWords(CommandRun run, string gridId) => gridId.Length > 0 ? run.T(DirectoryTexts.InGrid, gridId) : run.T(DirectoryTexts.InAnyGrid);
}
