using System.CommandLine;
using System.Globalization;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;
using Google.Protobuf;

namespace Dispatch.Cli.NodeDirectory;

/// <summary>
/// grids, departments, users, categories and rules: the node's directory lists. The node returns each list whole (a
/// node's directory and catalogue are small and bounded), so they have no paging options.
/// </summary>
internal static class DirectoryListCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Grids(cli);
        yield return Departments(cli);
        yield return Users(cli);
        yield return Categories(cli);
        yield return Rules(cli);
    }

    private static Command Grids(CliContext cli) => Listing(
        cli, "grids", DirectoryTexts.GridsDescription, DirectoryTexts.NoGrids,
        run => run.Connection.Directory.ListGridsAsync(new ListGridsRequest(), cancellationToken: run.Cancellation).ResponseAsync,
        (run, response) =>
        {
            var table = new Table(run.T(DirectoryTexts.IdHeader), run.T(DirectoryTexts.NameHeader));
            foreach (var g in response.Grids)
            {
                table.Add(g.Id, g.Name);
            }

            return Task.FromResult(table);
        });

    private static Command Departments(CliContext cli) => Listing(
        cli, "departments", DirectoryTexts.DepartmentsDescription, DirectoryTexts.NoDepartments,
        run => run.Connection.Directory.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: run.Cancellation).ResponseAsync,
        (run, response) =>
        {
            var table = new Table(run.T(DirectoryTexts.CodeHeader), run.T(DirectoryTexts.NameHeader), run.T(DirectoryTexts.IdHeader));
            foreach (var d in response.Departments)
            {
                table.Add(d.Code, d.Name, d.Id);
            }

            return Task.FromResult(table);
        });

    private static Command Users(CliContext cli)
    {
        var role = new Option<Role>("--role") { Description = cli.T(DirectoryTexts.RoleFilterOption), HelpName = "ROLE" };
        return Listing(
            cli, "users", DirectoryTexts.UsersDescription, DirectoryTexts.NoUsers,
            run => run.Connection.Directory.ListUsersAsync(new ListUsersRequest { Role = run.Get(role) }, cancellationToken: run.Cancellation).ResponseAsync,
            async (run, response) =>
            {
                var departments = await DirectoryLookups.DepartmentCodesAsync(run);
                var table = new Table(
                    run.T(DirectoryTexts.UserHeader), run.T(DirectoryTexts.NameHeader), run.T(DirectoryTexts.RoleHeader),
                    run.T(DirectoryTexts.GridsHeader), run.T(DirectoryTexts.DepartmentHeader), run.T(DirectoryTexts.LockedHeader));
                foreach (var u in response.Users)
                {
                    table.Add(u.UserName, u.DisplayName, Names.Of(run, u.Role), string.Join(',', u.GridIds),
                        departments.GetValueOrDefault(u.DepartmentId, u.DepartmentId), u.Locked ? run.T(DirectoryTexts.Yes) : "");
                }

                return table;
            },
            role);
    }

    private static Command Categories(CliContext cli) => Listing(
        cli, "categories", DirectoryTexts.CategoriesDescription, DirectoryTexts.NoCategories,
        run => run.Connection.Directory.ListCategoriesAsync(new ListCategoriesRequest(), cancellationToken: run.Cancellation).ResponseAsync,
        (run, response) =>
        {
            var table = new Table(run.T(DirectoryTexts.CodeHeader), run.T(DirectoryTexts.NameHeader), run.T(DirectoryTexts.DeadlineHeader));
            foreach (var c in response.Categories)
            {
                var deadline = c.Deadline is null ? run.T(DirectoryTexts.ByWhistle)
                    : c.DeadlineCalendar.Length == 0 ? Span(c.Deadline.ToTimeSpan())
                    : run.T(DirectoryTexts.OnCalendar, Span(c.Deadline.ToTimeSpan()), c.DeadlineCalendar);
                table.Add((c.ParentCode.Length > 0 ? "  " : "") + c.Code, c.Name, deadline);
            }

            return Task.FromResult(table);
        });

    private static Command Rules(CliContext cli) => Listing(
        cli, "rules", DirectoryTexts.RulesDescription, DirectoryTexts.NoRules,
        run => run.Connection.Directory.ListRoutingRulesAsync(new ListRoutingRulesRequest(), cancellationToken: run.Cancellation).ResponseAsync,
        async (run, response) =>
        {
            var departments = await DirectoryLookups.DepartmentCodesAsync(run);
            var table = new Table(run.T(DirectoryTexts.CategoryHeader), run.T(DirectoryTexts.GridHeader), run.T(DirectoryTexts.DepartmentHeader));
            foreach (var r in response.Rules)
            {
                table.Add(r.CategoryCode, r.GridId.Length > 0 ? r.GridId : run.T(DirectoryTexts.AnyGrid), departments.GetValueOrDefault(r.DepartmentId, r.DepartmentId));
            }

            return table;
        });

    /// <summary>
    /// A list command: the response as JSON with --json; else the table <paramref name="tabulate"/> makes of it, or
    /// what to do when it is empty.
    /// </summary>
    private static Command Listing<TResponse>(
        CliContext cli, string name, Text description, Text empty, Func<CommandRun, Task<TResponse>> fetch, Func<CommandRun, TResponse, Task<Table>> tabulate, params Symbol[] symbols)
        where TResponse : IMessage
    {
        var command = cli.Command(name, description, symbols);
        cli.SetAction(command, async run =>
        {
            var response = await fetch(run);
            if (run.Json)
            {
                run.WriteJson(response);
                return ExitCodes.Ok;
            }

            var table = await tabulate(run, response);
            if (table.Count == 0)
            {
                run.Line(run.T(empty));
            }
            else
            {
                table.Write(run.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A limit as people say it: 2h, 7d, 90m.</summary>
    private static string Span(TimeSpan limit) =>
        limit.Ticks % TimeSpan.TicksPerDay == 0 ? $"{limit.TotalDays.ToString(CultureInfo.InvariantCulture)}d"
        : limit.Ticks % TimeSpan.TicksPerHour == 0 ? $"{limit.TotalHours.ToString(CultureInfo.InvariantCulture)}h"
        : $"{limit.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m";
}
