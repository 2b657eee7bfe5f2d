using Grpc.Core;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>Asserts that a call fails with a given status whose message names the problem.</summary>
internal static class RpcAssert
{
    public static Task<RpcException> FailsAsync<T>(StatusCode expected, AsyncUnaryCall<T> call, params string[] mentions) =>
        FailsAsync(expected, () => call.ResponseAsync, mentions);

    /// <summary>
    /// Runs <paramref name="call"/>; it must throw an <see cref="RpcException"/> with <paramref name="expected"/>
    /// whose detail contains every one of <paramref name="mentions"/> (ordinal, case-sensitive).
    /// </summary>
    public static Task<RpcException> FailsAsync(StatusCode expected, Func<Task> call, params string[] mentions) =>
        FailsAsync("The call", expected, call, mentions);

    /// <summary>As the other overloads; <paramref name="label"/> says which call failed the assertion.</summary>
    public static async Task<RpcException> FailsAsync(string label, StatusCode expected, Func<Task> call, params string[] mentions)
    {
        RpcException? error = null;
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            error = ex;
        }

        Assert.True(error is not null, $"{label} succeeded; expected {expected}.");
        Assert.True(
            error.StatusCode == expected,
            $"{label}: expected {expected}, got {error.StatusCode}: \"{error.Status.Detail}\"");
        foreach (var mention in mentions)
        {
            Assert.True(
                error.Status.Detail.Contains(mention, StringComparison.Ordinal),
                $"{label}: the {error.StatusCode} message \"{error.Status.Detail}\" does not mention \"{mention}\".");
        }

        return error;
    }
}
