using Dispatch.Grpc.Interop.Tests.Fixtures;

namespace Dispatch.Grpc.Interop.Tests;

[Collection(InteropNodeCollection.Name)]
public sealed class SignInTests(InteropNode node)
{
    [Fact]
    public async Task Login_DemoWorker_ReturnsTokenWithRoleAndGrids()
    {
        var result = await node.RunCaseAsync("login");

        Assert.Equal("OK", result.GetProperty("code").GetString());
        Assert.True(result.GetProperty("token_length").GetInt32() > 0);
        Assert.Equal("ROLE_GRID_WORKER", result.GetProperty("role").GetString());
        Assert.Equal(["110105001001001", "110105001001002"], result.GetProperty("grid_ids").EnumerateArray().Select(g => g.GetString()!).Order());
    }

    [Fact]
    public async Task Login_WrongPassword_Unauthenticated()
    {
        var result = await node.RunCaseAsync("login-wrong-password");

        Assert.Equal("UNAUTHENTICATED", result.GetProperty("code").GetString());
    }
}
