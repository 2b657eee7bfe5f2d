namespace Dispatch.Grpc.Bench;

/// <summary>Client mode settings; <c>PayloadBytes</c> is the length of <c>Blob.data</c> (14 makes a 16-byte message).</summary>
internal sealed record EchoClientOptions(Uri Address, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int PayloadBytes);
