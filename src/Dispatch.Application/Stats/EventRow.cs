using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

namespace Dispatch.Application.Stats;

/// <summary>An event in the period with its case's unit; the query groups these by unit and type.</summary>
internal sealed class EventRow<TKey>
{
    public required TKey Key { get; init; }

    public Domain.Cases.CaseEventType Type { get; init; }

    public int Satisfaction { get; init; }
}
