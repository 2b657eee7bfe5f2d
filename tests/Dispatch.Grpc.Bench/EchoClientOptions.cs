namespace Dispatch.Grpc.Bench;

internal sealed record EchoClientOptions(Uri Address, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int PayloadBytes);
