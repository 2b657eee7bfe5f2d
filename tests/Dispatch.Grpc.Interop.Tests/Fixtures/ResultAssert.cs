using System.Text.Json;

namespace Dispatch.Grpc.Interop.Tests.Fixtures;

/// <summary>Assertions on the python client's JSON that show the whole result (status code and grpc-message) on failure.</summary>
public static class ResultAssert
{
    /// <summary>The call ended with <paramref name="expected"/> (a grpc.StatusCode name such as UNAUTHENTICATED).</summary>
    public static void Status(string expected, JsonElement status) =>
        Text(expected, status, "code");

    /// <summary>The result's string <paramref name="property"/> is <paramref name="expected"/>.</summary>
    public static void Text(string expected, JsonElement result, string property)
    {
        var actual = result.TryGetProperty(property, out var value) ? value.GetString() : null;
        Assert.True(actual == expected, $"expected {property} {expected}, got {actual}; the python client saw {result}");
    }
}
