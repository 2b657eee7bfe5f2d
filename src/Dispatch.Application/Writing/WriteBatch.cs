using Dispatch.Application.Cases;
using Dispatch.Data;
using Dispatch.Domain.Cases;

namespace Dispatch.Application.Writing;

/// <summary>
/// One attempt of the single writer at committing a batch: the context its items share, lookups made once
/// for all of them, and whether the attempt is optimistic.
/// </summary>
internal sealed class WriteBatch(DispatchDbContext context, bool optimistic)
{
    private readonly Dictionary<object, object> _shared = [];
    private readonly List<Case> _newCases = [];
    private readonly HashSet<string> _newNumbers = new(StringComparer.Ordinal);

    public DispatchDbContext Context { get; } = context;

    /// <summary>
    /// True on the first attempt at a batch: an item may leave a check that a database constraint also makes
    /// (a unique key) to that constraint. If the commit then fails, every item is run again on its own with
    /// this false, and makes the check itself.
    /// </summary>
    public bool Optimistic { get; } = optimistic;

    /// <summary>Views of the cases the batch's items return, shared by their replies.</summary>
    public CaseViews Views { get; } = new();

    /// <summary>New cases to insert at commit, with their history and feed entries; not tracked by the context.</summary>
    public IReadOnlyList<Case> NewCases => _newCases;

    /// <summary>
    /// Inserts a new case at commit, with its history and feed entries, by multi-row statements instead of
    /// the change tracker (the cost of a report was mostly SaveChanges'). Its item must not fail after this.
    /// </summary>
    public void Insert(Case @case)
    {
        _newCases.Add(@case);
        _newNumbers.Add(@case.Number);
    }

    /// <summary>Whether a new case of this attempt already has <paramref name="number"/> (the unique index would refuse the commit).</summary>
    public bool HasNewCaseNumber(string number) => _newNumbers.Contains(number);

    /// <summary>
    /// What <paramref name="load"/> gives for <paramref name="key"/>, loaded by the first item that asks and
    /// shared with the later items of the same attempt (which may add to it what they write).
    /// </summary>
    public async Task<T> SharedAsync<T>(object key, Func<DispatchDbContext, Task<T>> load)
        where T : notnull
    {
        if (_shared.TryGetValue(key, out var value))
        {
            return (T)value;
        }

        var loaded = await load(Context).ConfigureAwait(false);
        _shared.Add(key, loaded);
        return loaded;
    }
}
