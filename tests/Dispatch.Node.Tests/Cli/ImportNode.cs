using Dispatch.Node.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Cli;

/// <summary>
/// One node for the import tests, which can press Ctrl+C for the tool once the node has answered a given number of
/// reports: an interruption at a known point without any timing.
/// </summary>
public sealed class ImportNode : IAsyncLifetime
{
    public NodeTestHost Node { get; private set; } = null!;

    public InterruptingInterceptor Interrupter { get; } = new();

    public async Task InitializeAsync() => Node = await NodeTestHost.StartAsync(StorageKind.Sqlite, configureServices: services =>
    {
        services.AddSingleton(Interrupter);
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<InterruptingInterceptor>());
    });

    public async Task DisposeAsync() => await Node.DisposeAsync();

    public sealed class InterruptingInterceptor : Interceptor
    {
        private CancellationTokenSource? _interrupt;
        private int _remaining;

        /// <summary>Cancels <paramref name="interrupt"/> when the node has handled <paramref name="reports"/> more reports.</summary>
        public void Arm(int reports, CancellationTokenSource interrupt)
        {
            _remaining = reports;
            _interrupt = interrupt;
        }

        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            var response = await continuation(request, context);
            if (context.Method.EndsWith("/ReportCase", StringComparison.Ordinal) && _interrupt is { } interrupt && Interlocked.Decrement(ref _remaining) == 0)
            {
                await interrupt.CancelAsync();
                _interrupt = null;
            }

            return response;
        }
    }
}
