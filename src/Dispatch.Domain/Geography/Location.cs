using Dispatch.Domain.Common;
using Dispatch.Domain.Geography.Rules;

namespace Dispatch.Domain.Geography;

/// <summary>Where a problem is: WGS 84 coordinates in degrees and a free-text address.</summary>
public sealed record Location
{
    public const int AddressMaxLength = 500;

    // For EF Core.
    private Location()
    {
    }

    private Location(double latitude, double longitude, string address)
    {
        Latitude = latitude;
        Longitude = longitude;
        Address = address;
    }

    public double Latitude { get; private init; }

    public double Longitude { get; private init; }

    /// <summary>Human-readable address; empty when only coordinates are known.</summary>
    public string Address { get; private init; } = string.Empty;

    public static Location Create(double latitude, double longitude, string? address)
    {
        Check.Input(new LatitudeMustBeWithinRange("location.latitude", latitude));
        Check.Input(new LongitudeMustBeWithinRange("location.longitude", longitude));
        Check.OptionalText("location.address", address, AddressMaxLength);
        return new Location(latitude, longitude, address ?? string.Empty);
    }
}
