using Dispatch.Contracts.V1;
using Dispatch.Node.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Node.Tests.Hardening;

/// <summary>
/// A defect of ours (an exception nothing maps) reaches the client as INTERNAL with an id, never grpc-dotnet's
/// UNKNOWN, and the node logs it at Error with the same id; a call the client gave up is not such a defect.
/// </summary>
public sealed class UnexpectedErrorTests() : NodeTestBase(StorageKind.Sqlite)
{
    private readonly CapturedLogs _logs = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(_logs);
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<DefectInterceptor>());
    }

    [Fact]
    public async Task UnmappedException_InternalWithAnIdTheErrorLogCarries()
    {
        var cases = await Node.CasesAsAsync("dispatcher");

        var unary = await RpcAssert.FailsAsync(StatusCode.Internal, cases.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }));
        using var stream = cases.WatchCases(new WatchCasesRequest());
        var streaming = await RpcAssert.FailsAsync(StatusCode.Internal, () => stream.ResponseStream.MoveNext());

        foreach (var error in new[] { unary, streaming })
        {
            Assert.DoesNotContain(DefectInterceptor.Secret, error.Status.Detail, StringComparison.Ordinal);
            Assert.True(error.Status.Detail.Length < 200, error.Status.Detail);
            var id = error.Status.Detail.Split(' ')[2].TrimEnd(':');
            var logged = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal));
            Assert.Contains(DefectInterceptor.Secret, logged.Exception?.Message, StringComparison.Ordinal);
        }

        Assert.NotEqual(unary.Status.Detail, streaming.Status.Detail);
    }

    [Fact]
    public async Task CallPastItsDeadline_DeadlineExceededAndNoErrorLogged()
    {
        var cases = await Node.CasesAsAsync("dispatcher");

        // The node's handler waits on the call's token, which grpc-dotnet cancels when the deadline passes.
        await RpcAssert.FailsAsync(StatusCode.DeadlineExceeded, cases.ListCasesAsync(new ListCasesRequest { Text = DefectInterceptor.WaitForCancellation }, deadline: DateTime.UtcNow.AddMilliseconds(200)));
        await DefectInterceptor.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error && e.Category.Contains("ErrorMapping", StringComparison.Ordinal));
    }

    /// <summary>Stands in for a bug: GetCase and WatchCases throw an exception no mapping knows.</summary>
    private sealed class DefectInterceptor : Interceptor
    {
        public const string Secret = "connection string with a password";
        public const string WaitForCancellation = "wait-for-cancellation";

        public static readonly TaskCompletionSource Cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            if (request is GetCaseRequest)
            {
                throw new InvalidOperationException(Secret);
            }

            if (request is ListCasesRequest { Text: WaitForCancellation })
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
                }
                finally
                {
                    Cancelled.TrySetResult();
                }
            }

            return await continuation(request, context);
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
            throw new InvalidOperationException(Secret);
    }
}
