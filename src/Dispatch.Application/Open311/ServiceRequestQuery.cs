namespace Dispatch.Application.Open311;

/// <summary>
/// GET requests' filters. With <see cref="Numbers"/> the others are ignored (as GeoReport v2 says); otherwise the window
/// is from <see cref="Start"/> to <see cref="End"/> (by default the last 90 days), newest first, at most
/// <see cref="ServiceRequestQueries.MaxCount"/> requests.
/// </summary>
internal sealed record ServiceRequestQuery(
    IReadOnlyList<string> Numbers,
    string? ServiceCode,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool? Open);
