using Dispatch.Application;
using Dispatch.Application.Common;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Stats;
using Dispatch.Application.Stats.Bulletins;
using Dispatch.Application.Stats.Reports;
using Dispatch.Application.Writing;
using Dispatch.Domain.Categories;
using Dispatch.Domain.Directory;
using Dispatch.Node.Dashboard;
using Dispatch.Node.Deadlines;
using Dispatch.Node.Escalation;
using Dispatch.Node.Grpc;
using Dispatch.Node.Limits;
using Dispatch.Node.Open311;
using Dispatch.Node.Scheduling;
using Dispatch.Node.Security;
using Dispatch.Node.Seeding;
using Dispatch.Node.Stats;
using Dispatch.Node.Web;
using Dispatch.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dispatch.Node.Hosting;

public static class NodeServiceCollectionExtensions
{
    /// <summary>Everything a node needs: storage, sign-in, the case use cases, the gRPC services and the job scheduler.</summary>
    public static IServiceCollection AddDispatchNode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NodeOptions>().Bind(configuration.GetSection("Node"));

        // First hosted service: the database is migrated before anything else starts.
        services.AddHostedService<NodeStartup>();
        var clockOffset = configuration.GetValue<TimeSpan?>("Node:ClockOffset");
        services.TryAddSingleton<TimeProvider>(clockOffset is { } offset && offset != TimeSpan.Zero ? new ShiftedTimeProvider(offset) : TimeProvider.System);
        services.AddDispatchData(configuration);
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.CompressionProviders = [new StrictGzipCompressionProvider()];
        });
        services.AddNodeHealth(configuration);
        services.AddNodeTelemetry(configuration);
        services.AddGrpcReflection();

        // grpc-dotnet's method binder, replaced (after every call above that may register it) by one whose requests that
        // do not parse answer INVALID_ARGUMENT, not UNKNOWN.
        services.RemoveAll(typeof(global::Grpc.AspNetCore.Server.Model.IServiceMethodProvider<>));
        services.AddSingleton(typeof(global::Grpc.AspNetCore.Server.Model.IServiceMethodProvider<>), typeof(StrictRequestMethodProvider<>));

        services.AddSingleton<ErrorMappingInterceptor>();
        services.AddSingleton(sp => new SigningKey(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodeOptions>>().Value));
        services.AddSingleton<TokenService>();
        services.AddNodeAuthentication();
        services.AddNodeLimits(configuration);
        services.AddWebSignIn();
        services.AddDashboard();
        services.AddOptions<Open311.Open311Options>().Bind(configuration.GetSection("Open311"));
        services.AddSingleton<Open311.Open311Apps>();
        services.AddOptions<Dashboard.DashboardOptions>().Bind(configuration.GetSection("Dashboard"));
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton(CategoryCatalogue.Default);

        // The application layer: use cases, the single writer and what acts on its commits (in this order).
        services.AddOptions<DeadlineOptions>().Bind(configuration.GetSection("Deadlines"));
        services.AddOptions<StatsOptions>().Bind(configuration.GetSection("Stats"));
        services.AddDispatchApplication(sp => NodeSettingsOf(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodeOptions>>().Value));
        services.AddSingleton<IOutboxPayloads, ContractOutboxPayloads>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxHandOver>();
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<CaseFeedSignal>());
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<OutboxHandOver>());
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<AlarmSignal>());
        services.AddSingleton<DemoDirectory>();

        services.AddSingleton<NodeCredentials>();
        services.AddSingleton<ParentClient>();
        services.AddSingleton<OutboxSettlement>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<ParentSubscriber>();

        // Last: deadlines fire on a node whose writer and relay already run; Hangfire's server starts after them all.
        services.AddSingleton<AlarmScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmScheduler>());
        services.AddTransient<DeadlineSweepJob>();
        services.AddRecurringJob<DeadlineSweepJob>(DeadlineSweepJob.SafetySweepId, job => job.SafetySweepAsync(CancellationToken.None), sp => SafetySweepSchedule.Cron(sp.GetRequiredService<DeadlineSettings>(), sp.GetRequiredService<DatabaseSettings>()));
        services.AddTransient<BulletinJobs>();
        foreach (var bulletin in BulletinSchedule.RecurringJobs)
        {
            var kind = bulletin.Kind;
            services.AddRecurringJob<BulletinJobs>(bulletin.Id, job => job.ProduceAsync(kind, CancellationToken.None), _ => bulletin.Cron, sp => sp.GetRequiredService<ReportCalendar>().Zone, runAtStart: true);
        }

        services.AddNodeScheduling();
        return services;
    }

    /// <summary>The node as the application layer sees it.</summary>
    private static NodeSettings NodeSettingsOf(NodeOptions node) => new(
        node.Id,
        node.Name,
        node.Tier,
        node.HasParent ? node.ParentId ?? node.ParentUrl! : null,
        [.. node.Upstreams().Select(u => new UpstreamNode(u.Id, u.Emergency))],
        node.EmergencySkipsTier);

    public static WebApplication MapDispatchNode(this WebApplication app)
    {
        app.UseAuthorization();
        app.UseMiddleware<GrpcFramingGuard>();
        // After authorization: the limits are per signed-in user and per child node.
        app.UseRateLimiter();
        app.MapGrpcService<AuthGrpcService>();
        app.MapGrpcService<CaseGrpcService>();
        app.MapGrpcService<DirectoryGrpcService>();
        app.MapGrpcService<EscalationGrpcService>();
        app.MapGrpcService<SupervisionGrpcService>();
        app.MapGrpcService<StatsGrpcService>();
        app.MapGrpcService<OutboxGrpcService>();
        // Probes and tools call health and reflection without signing in.
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();

        // Web pages on the web (HTTP/1.1) port only, not on the gRPC port.
        var webPort = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodeOptions>>().Value.HttpPort;
        var webHost = $"*:{webPort}";
        app.MapDashboard(webHost, webPort);
        app.MapSignIn(webHost);
        app.MapNodeHealth(webHost);
        app.MapNodeTelemetry(webHost);
        app.MapNodeDashboard(webHost);
        app.MapOpen311(webHost, app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodeOptions>>().Value);
        return app;
    }
}
