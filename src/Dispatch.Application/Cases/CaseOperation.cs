using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Stats;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

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
