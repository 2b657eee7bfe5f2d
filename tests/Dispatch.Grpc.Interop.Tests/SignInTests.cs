using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

[Collection(InteropNodeCollection.Name)]
public sealed class SignInTests(InteropNode node)
{
    [Fact]
    public async Task Login_DemoWorker_ReturnsTokenWithRoleAndGrids()
    {
        var result = await node.RunCaseAsync("login");

        ResultAssert.Status("OK", result);
        Assert.True(result.GetProperty("token_length").GetInt32() > 0);
        ResultAssert.Text("ROLE_GRID_WORKER", result, "role");
        Assert.Equal(["110105001001001", "110105001001002"], result.GetProperty("grid_ids").EnumerateArray().Select(g => g.GetString()!).Order());
    }

    [Fact]
    public async Task Login_WrongPassword_Unauthenticated()
    {
        var result = await node.RunCaseAsync("login-wrong-password");

        ResultAssert.Status("UNAUTHENTICATED", result);
    }
}
