using Dispatch.Grpc.Interop.Tests.Wire;

namespace Dispatch.Grpc.Interop.Tests.Client;

/// <summary>What <see cref="FrameTapHandler"/> saw of one call.</summary>
/// <param name="RequestEncoding">The request's <c>grpc-encoding</c> header, if any.</param>
/// <param name="ResponseEncoding">The response's <c>grpc-encoding</c> header, if any.</param>
/// <param name="ResponseFrames">The message prefixes of the response body, filled in as the body is read.</param>
internal sealed record TappedExchange(string? RequestEncoding, string? ResponseEncoding, GrpcFrameTap ResponseFrames);
