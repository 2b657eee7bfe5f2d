using Dispatch.Application.Cases;
using Dispatch.Application.Common;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Escalation;
using Dispatch.Application.Feed;
using Dispatch.Application.Stats;
using Dispatch.Application.Stats.Reports;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

namespace Dispatch.Application;

internal static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The use cases and the single writer. The host supplies the node's settings and the outbox's wire format, and
    /// registers the writer's commit observers (<see cref="ICommitObserver"/>) in the order they should run.
    /// </summary>
    public static IServiceCollection AddDispatchApplication(this IServiceCollection services, Func<IServiceProvider, NodeSettings> node)
    {
        services.AddSingleton<NodeSettings>(node);
        services.AddMetrics();
        services.AddSingleton<Telemetry.NodeGauges>();
        services.AddSingleton<Telemetry.NodeMetrics>();
        services.AddSingleton<ParentLinks>();
        services.AddSingleton<DeadlineSettings>();
        services.AddSingleton<AlarmSignal>();
        services.AddSingleton<DeadlineAlarms>();
        services.AddSingleton<PolicyRollout>();
        services.AddSingleton<PolicyRecord>();
        services.AddSingleton<EscalationOutbox>();
        services.AddSingleton<SupervisionLedger>();
        services.AddSingleton<SupervisionCommands>();
        services.AddSingleton<SupervisionQueries>();
        services.AddSingleton<CaseFeedSignal>();
        services.AddSingleton<CaseWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseWriter>());
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());
        services.AddSingleton<KnownGrids>();
        services.AddSingleton<CaseIdSource>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<Cases.Transitions.CaseTransitions>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<CaseActions>();
        services.AddSingleton<CaseFeedTail>();
        services.AddSingleton<CaseFeedReader>();
        services.AddSingleton<EvaluationQueries>();
        services.AddSingleton<ReportCalendar>();
        services.AddSingleton<StatsReports>();
        services.AddSingleton<Stats.Bulletins.BulletinProducer>();
        services.AddSingleton<Stats.Bulletins.BulletinQueries>();
        services.AddSingleton<EscalationReceiver>();
        services.AddSingleton<OutboxOperations>();
        services.AddSingleton<EscalationFeed>();
        services.AddSingleton<EscalationBoard>();
        services.AddSingleton<DeadlineBoard>();
        services.AddSingleton<EvaluationCharts>();
        services.AddSingleton<Directory.DirectoryStore>();
        services.AddSingleton<Open311.GridLocator>();
        services.AddSingleton<Open311.ServiceRequestIntake>();
        services.AddSingleton<Open311.ServiceRequestQueries>();
        services.AddSingleton<Directory.GridDirectory>();
        services.AddSingleton<Directory.DepartmentDirectory>();
        services.AddSingleton<Directory.UserDirectory>();
        services.AddSingleton<Directory.RoutingRuleDirectory>();
        services.AddSingleton<Directory.CategoryDirectory>();
        services.AddSingleton<SignIn.AddressThrottle>();
        services.AddSingleton<SignIn.PasswordSignIn>();
        return services;
    }
}
