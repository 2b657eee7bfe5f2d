using Grpc.Core;
using Grpc.Internal;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Answers calls to unknown services or methods: HTTP 200 with UNIMPLEMENTED, trailers-only.</summary>
internal static class UnimplementedCallHandler
{
    public static RequestDelegate For(string detail) => httpContext =>
    {
        var response = httpContext.Response;
        if (!GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusTrailer] = ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageTrailer] = PercentEncoding.Encode(detail);
        return Task.CompletedTask;
    };
}
