using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>The steps SQLite plans for an EF query (EXPLAIN QUERY PLAN, the detail column), on the context's connection.</summary>
internal static class SqliteQueryPlan
{
    public static async Task<List<string>> StepsAsync<T>(DbContext context, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await context.Database.OpenConnectionAsync();
        command.Connection = context.Database.GetDbConnection();

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
