using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Stats;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

namespace Dispatch.Application.Errors;

/// <summary>The caller's role or scope (grid, department) does not cover the request. Maps to PERMISSION_DENIED.</summary>
internal sealed class AccessDeniedException(string message) : Exception(message);
