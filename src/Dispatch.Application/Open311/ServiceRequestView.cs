namespace Dispatch.Application.Open311;

/// <summary>
/// A case as a public Open311 client sees it: no reporter, no assignee person, no internal notes; the agency is the
/// assigned department's name, else the node's; the expected time is the case's deadline.
/// </summary>
internal sealed record ServiceRequestView(
    string ServiceRequestId,
    string Status,
    string StatusNotes,
    string ServiceCode,
    string ServiceName,
    string Description,
    string AgencyResponsible,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpectedAt,
    string Address,
    double Latitude,
    double Longitude,
    string? MediaUrl);
