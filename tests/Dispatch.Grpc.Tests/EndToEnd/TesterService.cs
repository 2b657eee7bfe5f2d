using Dispatch.Grpc.Tests.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Grpc.Tests.EndToEnd;

/// <summary>The test service; its behaviour is chosen per call by the request's mode.</summary>
public sealed class TesterService(TesterProbe probe) : Tester.TesterBase
{
    public override async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        probe.LastHeaders = context.RequestHeaders;
        probe.LastDeadline = context.Deadline;
        switch (request.Mode)
        {
            case "fail":
                context.ResponseTrailers.Add("reason-bin", [1, 2, 3]);
                throw new RpcException(new Status(StatusCode.FailedPrecondition, request.Text), new Metadata { { "detail", "kept" } });
            case "crash":
                throw new InvalidOperationException("secret internals");
            case "wait-token":
                probe.Started.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                break;
            case "ignore-token":
                // Ignores its token: the runtime must still answer at the deadline and wait for it.
                probe.Started.TrySetResult();
                await probe.Release.Task;

                // Reports once its token is cancelled (by the deadline or the client's reset).
                var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using (context.CancellationToken.Register(() => cancelled.TrySetResult()))
                {
                    await cancelled.Task;
                }

                probe.HandlerFinished.TrySetResult(context.CancellationToken.IsCancellationRequested);
                break;
            case "headers":
                await context.WriteResponseHeadersAsync(new Metadata { { "greeting", "hello" }, { "raw-bin", new byte[] { 0, 255 } } });
                context.ResponseTrailers.Add("farewell", "bye");
                break;
            case "compress":
                await context.WriteResponseHeadersAsync(new Metadata { { "grpc-internal-encoding-request", "gzip" } });
                break;
            case "status-only":
                context.Status = new Status(StatusCode.NotFound, "set, not thrown");
                break;
        }

        return new EchoReply { Text = request.Text, Payload = request.Payload };
    }

    public override async Task Count(CountRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Index = i, Text = $"#{i}" });
            if (request.HangAfterFirst)
            {
                probe.Started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    probe.HandlerFinished.TrySetResult(true);
                    throw;
                }
            }
        }
    }

    public override async Task<EchoReply> Join(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        await foreach (var request in requestStream.ReadAllAsync())
        {
            texts.Add(request.Text);
        }

        return new EchoReply { Text = string.Join(",", texts), Index = texts.Count };
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var index = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            if (requestStream.Current.Mode == "fail")
            {
                throw new RpcException(new Status(StatusCode.Aborted, "chat aborted"));
            }

            await responseStream.WriteAsync(new EchoReply { Text = requestStream.Current.Text, Index = index++ });
        }
    }
}
