namespace Dispatch.Application.Cases;

/// <summary>What a caller asks to do with a case; the unit of permission checks (each is a row of the permission table).</summary>
internal enum CaseOperation
{
    Report,
    Read,
    List,
    Watch,
    Accept,
    Reject,
    Assign,
    Start,
    Resolve,
    Verify,
    Defer,
    Resume,
    Reopen,
    Rate,
    Merge,
    Escalate,
    ReturnEscalation,
}
