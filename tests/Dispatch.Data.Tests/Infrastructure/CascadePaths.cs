namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// What SQL Server refuses in foreign keys that act on delete (CASCADE, SET NULL, SET DEFAULT), error 1785: a cycle,
/// or two distinct paths of such keys from one table to another. Works on edges (principal table, dependent table),
/// one per foreign key, so two keys between the same pair of tables are two paths.
/// </summary>
internal static class CascadePaths
{
    /// <summary>One line per problem: each cycle's tables, each pair of tables reached by more than one path.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<(string Principal, string Dependent)> edges)
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Select(e => e.Principal).Distinct())
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            Walk(start, [start], edges, paths, problems);
            foreach (var (target, count) in paths.Where(p => p.Value > 1))
            {
                problems.Add($"{count} cascade paths from {start} to {target}");
            }
        }

        return [.. problems];
    }

    private static void Walk(
        string table, List<string> trail, IReadOnlyList<(string Principal, string Dependent)> edges, Dictionary<string, int> paths, SortedSet<string> problems)
    {
        foreach (var (_, dependent) in edges.Where(e => e.Principal == table))
        {
            if (trail.Contains(dependent))
            {
                problems.Add("cascade cycle " + string.Join(" -> ", trail.Append(dependent)));
                continue;
            }

            paths[dependent] = paths.GetValueOrDefault(dependent) + 1;
            trail.Add(dependent);
            Walk(dependent, trail, edges, paths, problems);
            trail.RemoveAt(trail.Count - 1);
        }
    }
}
