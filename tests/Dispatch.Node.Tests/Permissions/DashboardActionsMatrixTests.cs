using Dispatch.Application.Cases;
using Dispatch.Application.Security;
using Dispatch.Domain.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Permissions;

/// <summary>
/// The dashboard's case actions against the permission matrix: on the matrix's cases, each role is offered exactly
/// the moves that the table lets it call over gRPC in that scope and that the case allows now.
/// </summary>
[Collection(PermissionMatrixCollection.Name)]
public sealed class DashboardActionsMatrixTests(PermissionMatrixFixture fixture)
{
    private static readonly (CaseAction Action, string Rpc)[] Moves =
    [
        (CaseAction.Accept, "AcceptCase"), (CaseAction.Reject, "RejectCase"), (CaseAction.Assign, "AssignCase"), (CaseAction.Start, "StartCase"),
        (CaseAction.Resolve, "ResolveCase"), (CaseAction.VerifyPass, "VerifyCase"), (CaseAction.VerifyFail, "VerifyCase"), (CaseAction.Defer, "DeferCase"),
        (CaseAction.Resume, "ResumeCase"), (CaseAction.Reopen, "ReopenCase"), (CaseAction.Escalate, "EscalateCase"),
        (CaseAction.ReturnEscalation, "ReturnEscalation"), (CaseAction.Merge, "MergeCase"),
    ];

    public static TheoryData<MatrixCaller, string> Cells()
    {
        var cells = new TheoryData<MatrixCaller, string>();
        foreach (var caller in PermissionMatrixFixture.UserNames.Keys)
        {
            cells.Add(caller, "own");
            cells.Add(caller, "other");
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task CaseActions_AsCaller_InScope_OfferExactlyWhatTheTableAndTheCaseAllow(MatrixCaller caller, string scope)
    {
        var other = scope == "other";
        var identity = await fixture.IdentityAsync(caller);
        var shown = other ? fixture.CaseB : fixture.OwnCase(caller);
        var services = fixture.Node.Services;
        var @case = await services.GetRequiredService<CaseQueries>().GetAsync(await fixture.IdentityAsync(MatrixCaller.Admin), Guid.Parse(shown.Id), CancellationToken.None);
        var canEscalate = services.GetRequiredService<CaseCommands>().CanEscalate;

        var choices = services.GetRequiredService<CaseActions>().AvailableTo(identity, @case);

        Assert.All(Moves, move =>
        {
            var expected = Allowed(move.Rpc, caller, other) && @case.Allows(move.Action, identity.UserId) && (move.Action != CaseAction.Escalate || canEscalate);
            Assert.True(expected == choices.Can(move.Action), $"{caller} on {@case.Status} case ({scope} scope): {move.Action} offered {choices.Can(move.Action)}, expected {expected}.");
        });
        Assert.Equal(Allowed("RateCase", caller, other) && @case.AllowsRating(identity.UserId), choices.Rate);
        Assert.Equal(Allowed("SummonDepartments", caller, other, PermissionTable.SupervisionService) && @case.CanBeSupervised, choices.Summon);
    }

    private static bool Allowed(string method, MatrixCaller caller, bool other, string service = PermissionTable.CaseService) =>
        MatrixExpectations.For(PermissionTable.Of(service, method), caller, other) == MatrixExpectation.Allowed;
}
