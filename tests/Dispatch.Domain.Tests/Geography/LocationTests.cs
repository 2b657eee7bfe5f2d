using Dispatch.Domain.Geography;
using Dispatch.Domain.Geography.Rules;
using Dispatch.Domain.Tests.Support;

namespace Dispatch.Domain.Tests.Geography;

public sealed class LocationTests
{
    [Theory]
    [InlineData(-90, -180)]
    [InlineData(90, 180)]
    [InlineData(0, 0)]
    [InlineData(39.9219, 116.4436)]
    public void Create_CoordinatesInRange_AreKept(double latitude, double longitude)
    {
        var location = Location.Create(latitude, longitude, "Somewhere");

        Assert.Equal(latitude, location.Latitude);
        Assert.Equal(longitude, location.Longitude);
        Assert.Equal("Somewhere", location.Address);
    }

    [Theory]
    [InlineData(90.000001)]
    [InlineData(-91)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_LatitudeOutOfRange_BreaksLatitudeMustBeWithinRange(double latitude)
    {
        var error = DomainAssert.RejectsInput("location.latitude", () => Location.Create(latitude, 116, null));

        Assert.Equal(nameof(LatitudeMustBeWithinRange), error.Rule);
    }

    [Theory]
    [InlineData(180.5)]
    [InlineData(-181)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Create_LongitudeOutOfRange_BreaksLongitudeMustBeWithinRange(double longitude)
    {
        var error = DomainAssert.RejectsInput("location.longitude", () => Location.Create(39, longitude, null));

        Assert.Equal(nameof(LongitudeMustBeWithinRange), error.Rule);
    }

    [Fact]
    public void Create_AddressOverTheLimit_IsRejected()
    {
        DomainAssert.RejectsInput("location.address", () => Location.Create(39, 116, new string('a', Location.AddressMaxLength + 1)));
    }

    [Fact]
    public void Create_NoAddress_StoresEmptyAddress()
    {
        Assert.Equal(string.Empty, Location.Create(39, 116, null).Address);
    }
}
