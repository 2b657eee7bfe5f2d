namespace Dispatch.Application.Cases;

/// <summary>What a caller asks to do with a case; the unit of permission checks.</summary>
internal enum CaseOperation
{
    Report,
    Read,
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
}
