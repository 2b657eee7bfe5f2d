namespace Dispatch.Application.Stats;

/// <summary>An event in the period with its case's unit; the query groups these by unit and type.</summary>
internal sealed class EventRow<TKey>
{
    public required TKey Key { get; init; }

    public Domain.Cases.CaseEventType Type { get; init; }

    public int Satisfaction { get; init; }
}
