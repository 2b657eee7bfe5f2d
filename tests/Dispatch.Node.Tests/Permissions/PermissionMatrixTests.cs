using Dispatch.Application.Security;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Permissions;

/// <summary>
/// The permission matrix: every RPC of every service the node serves, as every kind of caller (no one, each role, a
/// child node), in the caller's own scope and outside it, against one real node. What each cell must answer comes from
/// the RPC's row of the permission table; an RPC without a row fails.
/// </summary>
[Collection(PermissionMatrixCollection.Name)]
public sealed class PermissionMatrixTests(PermissionMatrixFixture fixture)
{
    /// <summary>What an allowed call may end with: it passed its permission check, and its request was otherwise valid.</summary>
    private static readonly StatusCode[] PastThePermissionCheck =
        [StatusCode.OK, StatusCode.Aborted, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.AlreadyExists];

    public static TheoryData<string, MatrixCaller, string> Cells()
    {
        var cells = new TheoryData<string, MatrixCaller, string>();
        foreach (var rpc in MatrixRpcs.All.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var caller in Enum.GetValues<MatrixCaller>())
            {
                cells.Add(rpc, caller, "own");
                if (MatrixRequests.All.GetValueOrDefault(rpc)?.Other is not null)
                {
                    cells.Add(rpc, caller, "other");
                }
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Rpc_AsCaller_InScope_AnswersWhatThePermissionTableSays(string rpc, MatrixCaller caller, string scope)
    {
        var row = PermissionTable.Find(rpc);
        Assert.True(row is not null, $"{rpc} has no row in the permission table (Dispatch.Application.Security.PermissionTable).");
        var method = MatrixRpcs.All[rpc];
        var requests = MatrixRequests.All.GetValueOrDefault(rpc);
        var other = scope == "other";
        var request = (other ? requests!.Other! : requests?.Own)?.Invoke(fixture, caller) ?? MatrixRpcs.EmptyRequest(method);

        var status = await MatrixRpcs.CallAsync(fixture.As(caller), method, request);

        var expected = MatrixExpectations.For(row, caller, other);
        var answer = $"{rpc} as {caller} ({scope} scope) answered {status.StatusCode} \"{status.Detail}\"; the table says {expected}";
        switch (expected)
        {
            case MatrixExpectation.Allowed:
                Assert.True(PastThePermissionCheck.Contains(status.StatusCode), answer);
                break;
            case MatrixExpectation.PermissionDenied:
                Assert.True(status.StatusCode == StatusCode.PermissionDenied, answer);
                break;
            default:
                Assert.True(status.StatusCode == StatusCode.Unauthenticated, answer);
                break;
        }
    }

    [Fact]
    public void EveryRpcOfTheContract_HasARowInThePermissionTable()
    {
        var missing = MatrixRpcs.All.Keys.Where(rpc => PermissionTable.Find(rpc) is null).ToList();

        Assert.True(MatrixRpcs.All.Count > 40, $"only {MatrixRpcs.All.Count} RPCs found in the descriptors");
        Assert.True(missing.Count == 0, "RPCs without a row in the permission table: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryMappedMethod_HasARowThatMatchesItsPolicy_AndEveryRowAMethod()
    {
        var endpoints = fixture.Node.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Method: e.Metadata.GetMetadata<GrpcMethodMetadata>()))
            .Where(e => e.Method is not null && !e.Method.Method.Name.StartsWith("Unimplemented", StringComparison.Ordinal))
            .ToList();
        var mapped = endpoints.Select(e => e.Method!.Method.FullName.TrimStart('/')).ToHashSet(StringComparer.Ordinal);

        Assert.All(endpoints, e =>
        {
            var name = e.Method!.Method.FullName.TrimStart('/');
            var row = PermissionTable.Find(name);
            Assert.True(row is not null, $"{name} is mapped but has no row in the permission table.");
            var policy = e.Endpoint.Metadata.GetMetadata<IAuthorizeData>()?.Policy;
            var open = e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var expectedPolicy = row.Callers switch
            {
                CallerKind.Anyone => null,
                CallerKind.ChildNode => Dispatch.Node.Security.AuthSchemes.ChildNode,
                _ => Dispatch.Node.Security.AuthSchemes.SignedIn,
            };
            Assert.True(open == (row.Callers == CallerKind.Anyone) && (open || policy == expectedPolicy), $"{name}: policy {policy ?? "(open)"}, but its row is for {row.Callers}.");
        });
        Assert.All(PermissionTable.All.Where(r => r.Service is not (PermissionTable.Dashboard or PermissionTable.Open311)), row =>
            Assert.True(mapped.Contains(row.Name), $"The permission table's row {row.Name} names no method the node maps."));
    }
}
