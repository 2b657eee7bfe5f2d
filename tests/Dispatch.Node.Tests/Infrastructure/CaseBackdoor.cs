using Dispatch.Data;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>
/// Changes a case in the node's database through the domain's own methods, where a test needs a history the
/// node would only produce with a policy per case: a chosen deadline for each case, a breach and a supervision
/// order at a chosen moment (the deadline tests drive the real mechanism; the evaluation tests need many
/// exact histories side by side). Events get the node's (fake) clock time.
/// </summary>
internal static class CaseBackdoor
{
    public static Task SetDueAsync(NodeTestHost node, string caseId, DateTimeOffset dueAt) =>
        ChangeAsync(node, caseId, c => c.Reschedule(node.Clock.GetUtcNow(), dueAt));

    public static Task MarkOverdueAsync(NodeTestHost node, string caseId) =>
        ChangeAsync(node, caseId, c => Assert.True(c.MarkOverdue(node.Clock.GetUtcNow())));

    /// <summary>Opens a supervision order on the case (a CaseSupervised event), as a breach does.</summary>
    public static Task SuperviseAsync(NodeTestHost node, string caseId) =>
        ChangeAsync(node, caseId, c => c.OpenSupervision(node.Clock.GetUtcNow(), node.Clock.GetUtcNow().AddHours(24), "test-node", "Supervision order opened."));

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
