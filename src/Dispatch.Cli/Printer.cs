using Dispatch.Contracts.V1;

namespace Dispatch.Cli;

internal static class Printer
{
    public static void Summary(Case c) =>
        Console.WriteLine($"{c.Number}  {c.Status,-11} v{c.Version}  grid {c.GridId}  {c.CategoryCode}  {c.Whistle}  {c.Title}  (id {c.Id})");

    public static void Details(Case c)
    {
        Summary(c);
        if (c.SuggestedDepartmentId.Length > 0)
        {
            Console.WriteLine($"  suggested to department {c.SuggestedDepartmentId} (routing rules, at accept)");
        }

        if (c.Assignee is not null)
        {
            Console.WriteLine($"  assigned to {c.Assignee.Kind} {c.Assignee.Id}");
        }

        if (c.EscalatedToNodeId.Length > 0)
        {
            Console.WriteLine($"  escalated to {c.EscalatedToNodeId} (parent case {c.ParentCaseId}, {c.ParentStatus})");
        }

        if (c.OriginNodeId.Length > 0)
        {
            Console.WriteLine($"  escalated from {c.OriginNodeId} case {c.OriginCaseNumber}");
        }

        if (c.DueAt is not null)
        {
            Console.WriteLine($"  due {c.DueAt.ToDateTimeOffset():u}{(c.Overdue ? "  OVERDUE" : "")}");
        }

        foreach (var e in c.History)
        {
            Console.WriteLine($"  {e.Sequence,3}. {e.At.ToDateTimeOffset():u}  {e.Type,-18} {e.FromStatus} -> {e.ToStatus}  {e.Note}");
        }
    }
}
