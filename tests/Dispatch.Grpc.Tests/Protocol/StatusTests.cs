using Grpc.Core;
using Grpc.Internal;

namespace Dispatch.Grpc.Tests.Protocol;

public sealed class StatusTests
{
    [Fact]
    public void Default_DetailIsEmptyNotNull()
    {
        Assert.Equal("", default(Status).Detail);
        Assert.Equal(StatusCode.OK, default(Status).StatusCode);
    }

    [Fact]
    public void RpcException_CarriesStatusAndTrailers()
    {
        var trailers = new Metadata { { "k", "v" } };
        var error = new RpcException(new Status(StatusCode.NotFound, "case 7"), trailers);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Same(trailers, error.Trailers);
        Assert.Contains("case 7", error.Message);
    }

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    public void HttpStatusMapping_KnownCodes(int http, StatusCode expected)
    {
        Assert.Equal(expected, HttpStatusMapping.ToStatusCode(http));
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void IsGrpcContentType(string? contentType, bool expected)
    {
        Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));
    }
}
