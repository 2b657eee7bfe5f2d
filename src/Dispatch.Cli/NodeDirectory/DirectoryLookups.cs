using Dispatch.Cli.App;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.NodeDirectory;

/// <summary>The directory by the names people type: departments by code, users by user name.</summary>
internal static class DirectoryLookups
{
    /// <summary>Each department's code by its id, to show codes where the node answers with ids.</summary>
    public static async Task<Dictionary<string, string>> DepartmentCodesAsync(CommandRun run) =>
        (await run.Connection.Directory.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: run.Cancellation))
            .Departments.ToDictionary(d => d.Id, d => d.Code);

    /// <summary>The department a code (any case) or an id names; none is NOT_FOUND's exit code with the way to list them.</summary>
    public static async Task<string> DepartmentIdAsync(CommandRun run, string codeOrId)
    {
        if (Guid.TryParse(codeOrId, out var id))
        {
            return id.ToString();
        }

        return (await FindDepartmentAsync(run, codeOrId))?.Id ?? throw new CliException(run.T(DirectoryTexts.UnknownDepartment, codeOrId), ExitCodes.NotFound);
    }

    public static async Task<Department?> FindDepartmentAsync(CommandRun run, string code) =>
        (await run.Connection.Directory.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: run.Cancellation))
            .Departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    public static async Task<User?> FindUserAsync(CommandRun run, string userName) =>
        (await run.Connection.Directory.ListUsersAsync(new ListUsersRequest(), cancellationToken: run.Cancellation))
            .Users.FirstOrDefault(u => u.UserName == userName);
}
