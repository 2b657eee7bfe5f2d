namespace Dispatch.Application.Stats;

/// <summary>
/// One unit's counts from a grouped query: all its cases the query selects, those of them with a first
/// property (registered; deferred) and those with a second (closed by the period's end; closed on time).
/// Member-initialised, so EF Core translates the projection.
/// </summary>
internal sealed class CountRow<TKey>
{
    public required TKey Key { get; init; }

    public int Total { get; init; }

    public int First { get; init; }

    public int Second { get; init; }
}
