using Dispatch.Grpc.Interop.Tests.V1;
using Google.Protobuf;
using static Dispatch.Grpc.Interop.Tests.Cases.InteropConstants;

namespace Dispatch.Grpc.Interop.Tests.Cases;

/// <summary>Builders for the messages of the interop cases.</summary>
public static class InteropMessages
{
    public static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    /// <summary>271,828 zero bytes in, 314,159 asked for, optionally with the compression flags set.</summary>
    public static UnaryCallRequest LargeUnaryRequest(bool? expectCompressed = null, bool? responseCompressed = null)
    {
        var request = new UnaryCallRequest { ResponseSize = LargeResponseSize, Payload = Zeros(LargeRequestSize) };
        if (expectCompressed is { } expect)
        {
            request.ExpectCompressed = expect;
        }

        if (responseCompressed is { } compress)
        {
            request.ResponseCompressed = compress;
        }

        return request;
    }

    public static FullDuplexCallRequest DuplexRequest(int responseSize, int requestSize)
    {
        var request = new FullDuplexCallRequest { Payload = Zeros(requestSize) };
        request.ResponseParameters.Add(new ResponseParameters { Size = responseSize });
        return request;
    }
}
