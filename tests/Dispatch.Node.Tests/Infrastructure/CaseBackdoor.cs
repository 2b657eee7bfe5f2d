using System.Reflection;
using Dispatch.Data;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Changes a case in the node's database through the domain's own methods, for what no RPC does yet on
/// this branch: setting a deadline (the deadline policy's job), marking a breach, and recording a
/// supervision order (the supervision service's job). Events get the node's (fake) clock time.
/// </summary>
internal static class CaseBackdoor
{
    public static Task SetDueAsync(NodeTestHost node, string caseId, DateTimeOffset dueAt) =>
        ChangeAsync(node, caseId, c => c.Reschedule(node.Clock.GetUtcNow(), dueAt));

    public static Task MarkOverdueAsync(NodeTestHost node, string caseId) =>
        ChangeAsync(node, caseId, c => Assert.True(c.MarkOverdue(node.Clock.GetUtcNow())));

    /// <summary>Appends a CaseSupervised event as the domain appends any event (its private Append).</summary>
    public static Task SuperviseAsync(NodeTestHost node, string caseId) =>
        ChangeAsync(node, caseId, c =>
        {
            var append = typeof(Case).GetMethod("Append", BindingFlags.NonPublic | BindingFlags.Instance)
                ?? throw new InvalidOperationException("Case.Append not found.");
            append.Invoke(c, [CaseEventType.CaseSupervised, null, node.Clock.GetUtcNow(), c.Status, "Supervision order opened.", null, null]);
        });

    private static async Task ChangeAsync(NodeTestHost node, string caseId, Action<Case> change)
    {
        var contexts = node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var id = Guid.Parse(caseId);
        var @case = await db.Cases.Include(c => c.History).FirstAsync(c => c.Id == id);
        change(@case);
        await db.SaveChangesAsync();
    }
}
