using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Stats;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

namespace Dispatch.Application.Stats.Reports;

/// <summary>A rendered report: its bytes, their media type, a file name to save them under, and the period covered.</summary>
internal sealed record ReportFile(byte[] Content, string ContentType, string FileName, DateTimeOffset From, DateTimeOffset To);
