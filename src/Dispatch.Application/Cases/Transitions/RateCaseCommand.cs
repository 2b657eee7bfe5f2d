namespace Dispatch.Application.Cases.Transitions;

/// <summary>The reporter's satisfaction with how a closed case was handled.</summary>
internal sealed record RateCaseCommand(Guid CaseId, int ExpectedVersion, int Satisfaction, string? Comment);
