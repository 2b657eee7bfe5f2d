using Dispatch.Cli.App;
using Dispatch.Cli.Texts;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Output;

/// <summary>The contract's enum values in the run's language (unknown values as the contract names them).</summary>
internal static class Names
{
    public static string Of(CommandRun run, CaseStatus status) => Name(run, status, status switch
    {
        CaseStatus.Reported => NameTexts.Reported,
        CaseStatus.Accepted => NameTexts.Accepted,
        CaseStatus.Rejected => NameTexts.Rejected,
        CaseStatus.Assigned => NameTexts.Assigned,
        CaseStatus.InProgress => NameTexts.InProgress,
        CaseStatus.Resolved => NameTexts.Resolved,
        CaseStatus.Closed => NameTexts.Closed,
        CaseStatus.Returned => NameTexts.Returned,
        CaseStatus.Deferred => NameTexts.Deferred,
        CaseStatus.Escalated => NameTexts.Escalated,
        CaseStatus.Merged => NameTexts.Merged,
        _ => null,
    });

    public static string Of(CommandRun run, Role role) => Name(run, role, role switch
    {
        Role.GridWorker => NameTexts.GridWorker,
        Role.Dispatcher => NameTexts.Dispatcher,
        Role.DepartmentHandler => NameTexts.DepartmentHandler,
        Role.Supervisor => NameTexts.Supervisor,
        Role.Admin => NameTexts.Admin,
        _ => null,
    });

    public static string Of(CommandRun run, WhistleClass whistle) => Name(run, whistle, whistle switch
    {
        WhistleClass.Daily => NameTexts.Daily,
        WhistleClass.Tough => NameTexts.Tough,
        WhistleClass.Emergency => NameTexts.Emergency,
        _ => null,
    });

    public static string Of(CommandRun run, SupervisionOrderKind kind) => Name(run, kind, kind switch
    {
        SupervisionOrderKind.Breach => NameTexts.Breach,
        SupervisionOrderKind.Summons => NameTexts.Summons,
        _ => null,
    });

    public static string Of(CommandRun run, SupervisionOrderStatus status) => Name(run, status, status switch
    {
        SupervisionOrderStatus.Open => NameTexts.OrderOpen,
        SupervisionOrderStatus.Acknowledged => NameTexts.OrderAcknowledged,
        SupervisionOrderStatus.Breached => NameTexts.OrderBreached,
        SupervisionOrderStatus.Closed => NameTexts.OrderClosed,
        _ => null,
    });

    public static string Of(CommandRun run, Assignee? assignee) => assignee is null || assignee.Id.Length == 0
        ? ""
        : $"{run.T(assignee.Kind == AssigneeKind.Department ? NameTexts.Department : NameTexts.Worker)} {assignee.Id}";

    private static string Name<TEnum>(CommandRun run, TEnum value, Text? text) where TEnum : struct, Enum =>
        text is null ? value.ToString() : run.T(text);
}
