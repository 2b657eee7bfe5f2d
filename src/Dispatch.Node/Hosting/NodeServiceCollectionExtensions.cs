using Dispatch.Domain.Categories;
using Dispatch.Domain.Directory;
using Dispatch.Node.Application;
using Dispatch.Node.Application.Stats;
using Dispatch.Node.Application.Stats.Reports;
using Dispatch.Node.Deadlines;
using Dispatch.Node.Escalation;
using Dispatch.Node.Grpc;
using Dispatch.Node.Seeding;
using Dispatch.Node.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dispatch.Node.Hosting;

public static class NodeServiceCollectionExtensions
{
    /// <summary>Everything a node needs: storage, sign-in, the case use cases and the gRPC services.</summary>
    public static IServiceCollection AddDispatchNode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NodeOptions>().Bind(configuration.GetSection("Node"));

        // First hosted service: the database is migrated before anything else starts.
        services.AddHostedService<NodeStartup>();
        var clockOffset = configuration.GetValue<TimeSpan?>("Node:ClockOffset");
        services.TryAddSingleton<TimeProvider>(clockOffset is { } offset && offset != TimeSpan.Zero ? new ShiftedTimeProvider(offset) : TimeProvider.System);
        services.AddDispatchData(configuration);
        services.AddGrpc(options => options.Interceptors.Add<ErrorMappingInterceptor>());
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddGrpcReflection();

        services.AddSingleton<ErrorMappingInterceptor>();
        services.AddSingleton(sp => new SigningKey(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodeOptions>>().Value));
        services.AddSingleton<TokenService>();
        services.AddNodeAuthentication();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton(CategoryCatalogue.Default);

        services.AddOptions<DeadlineOptions>().Bind(configuration.GetSection("Deadlines"));
        services.AddSingleton<DeadlineSettings>();
        services.AddSingleton<AlarmSignal>();
        services.AddSingleton<DeadlineAlarms>();
        services.AddSingleton<PolicyRollout>();
        services.AddSingleton<SupervisionCommands>();
        services.AddSingleton<SupervisionQueries>();
        services.AddSingleton<CaseFeedSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<CaseWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseWriter>());
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());
        services.AddSingleton<KnownGrids>();
        services.AddSingleton<CaseIdSource>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<CaseFeedReader>();
        services.AddOptions<StatsOptions>().Bind(configuration.GetSection("Stats"));
        services.AddSingleton<EvaluationQueries>();
        services.AddSingleton<StatsReports>();
        services.AddSingleton<DemoDirectory>();

        services.AddSingleton<NodeCredentials>();
        services.AddSingleton<EscalationReceiver>();
        services.AddSingleton<EscalationFeed>();
        services.AddSingleton<ParentClient>();
        services.AddSingleton<OutboxSettlement>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxOperations>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<ParentSubscriber>();

        // Last: deadlines fire on a node whose writer and relay already run.
        services.AddSingleton<AlarmScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmScheduler>());
        return services;
    }

    public static WebApplication MapDispatchNode(this WebApplication app)
    {
        app.UseAuthorization();
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
        return app;
    }
}
