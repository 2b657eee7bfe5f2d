using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

namespace Dispatch.Application.Stats;

/// <summary>The <c>Stats:*</c> settings.</summary>
public sealed class StatsOptions
{
    /// <summary>The time zone whose midnights start a report's days (an IANA id such as <c>Asia/Shanghai</c>).</summary>
    public string TimeZone { get; set; } = "UTC";
}
