using System.Collections.Concurrent;
using Dispatch.Domain.Cases;

namespace Dispatch.Application.Cases;

/// <summary>
/// Views of the cases one writer batch returns (what a reply shows of a case), each made once per case object by
/// the first reply that asks and shared by the others. The reports of a batch get their possible duplicates from
/// one shared list (<see cref="PossibleDuplicates"/>), so in a busy grid every reply of a batch showed the same ten
/// cases, each converted again per reply: a third of the memory the intake allocated (2026-11-29). The cases are
/// read-only by then (the batch has committed), and the replies are made on several threads at once. The views
/// live as long as the batch's replies: a table keyed by case objects for the whole process cost the collector
/// a dependent handle per case.
/// </summary>
internal sealed class CaseViews
{
    private readonly ConcurrentDictionary<Case, object> _views = new(ReferenceEqualityComparer.Instance);

    public T Of<T>(Case source, Func<Case, T> make)
        where T : class =>
        (T)_views.GetOrAdd(source, static (c, make) => make(c), make);
}
