namespace Dispatch.Application.Cases.Transitions;

/// <summary>Put a case on hold until a time; its deadline clock stops.</summary>
internal sealed record DeferCaseCommand(Guid CaseId, int ExpectedVersion, DateTimeOffset Until, string Reason);
