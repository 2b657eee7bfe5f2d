using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;

namespace Dispatch.Domain.Cases;

/// <summary>The worker or department a case is assigned to.</summary>
public sealed record Assignee
{
    // For EF Core.
    private Assignee()
    {
    }

    private Assignee(AssigneeKind kind, Guid id)
    {
        Kind = kind;
        Id = id;
    }

    public AssigneeKind Kind { get; private init; }

    /// <summary>A user id when <see cref="Kind"/> is Worker, a department id when it is Department.</summary>
    public Guid Id { get; private init; }

    public static Assignee Worker(Guid userId) => Create(AssigneeKind.Worker, userId);

    public static Assignee Department(Guid departmentId) => Create(AssigneeKind.Department, departmentId);

    public static Assignee Create(AssigneeKind kind, Guid id)
    {
        Check.Input(new EnumValueMustBeDefined("assignee.kind", kind));
        Check.Input(new IdIsRequired("assignee.id", id));
        return new Assignee(kind, id);
    }

    /// <summary>The assignee stored as its two fields; null when either is (no assignee).</summary>
    public static Assignee? FromFields(AssigneeKind? kind, Guid? id) =>
        kind is { } k && id is { } i ? Create(k, i) : null;

    public override string ToString() => $"{Kind} {Id}";
}
