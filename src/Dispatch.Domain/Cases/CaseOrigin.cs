namespace Dispatch.Domain.Cases;

/// <summary>Where an escalated case came from: the child node and its case.</summary>
public sealed record CaseOrigin
{
    public const int NodeIdMaxLength = 64;

    public CaseOrigin(string nodeId, Guid caseId, string caseNumber)
    {
        Common.Check.Input(new Common.Rules.TextIsRequired("origin.nodeId", nodeId));
        Common.Check.Input(new Common.Rules.TextMustNotExceedMaxLength("origin.nodeId", nodeId, NodeIdMaxLength));
        Common.Check.Input(new Common.Rules.IdIsRequired("origin.caseId", caseId));
        Common.Check.Input(new Common.Rules.TextIsRequired("origin.caseNumber", caseNumber));
        Common.Check.Input(new Common.Rules.TextMustNotExceedMaxLength("origin.caseNumber", caseNumber, CaseLimits.NumberMaxLength));
        NodeId = nodeId;
        CaseId = caseId;
        CaseNumber = caseNumber;
    }

    public string NodeId { get; private init; }

    public Guid CaseId { get; private init; }

    public string CaseNumber { get; private init; }
}
