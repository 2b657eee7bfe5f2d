namespace Dispatch.Application.Open311;

/// <summary>
/// A POST of a service request as GeoReport v2 defines it, parsed: the fields the case keeps, and the idempotency key
/// the transport derived (the client's Idempotency-Key header, or a hash of every submitted field). Contact fields
/// (email, names, phone, device and account ids) are accepted but not kept: cases hold no personal data of citizens.
/// </summary>
internal sealed record ServiceRequestSubmission(
    string RequestId,
    string ServiceCode,
    double? Latitude,
    double? Longitude,
    string? AddressString,
    string? Description,
    string? MediaUrl);
