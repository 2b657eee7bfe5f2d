namespace Dispatch.Node.Tests.Browser;

/// <summary>
/// Browser tests run one at a time, after the parallel tests: each starts a chromium, which on a small machine would
/// otherwise compete with the node under test (and other tests' nodes) for the cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
