namespace Dispatch.Node.Bench;

internal static class CaseFill
{
    public static Task<int> RunAsync(FillOptions options) => Task.FromResult(options.Cases);
}
