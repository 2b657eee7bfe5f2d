using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Feed;

/// <summary>One entry of the node's case feed as a watcher sees it: the event, and the case's state after it.</summary>
internal sealed record CaseFeedNotice(long Sequence, string CaseNumber, CaseEvent Event, CaseStatus Status, int Version, GridId GridId);
