namespace Dispatch.Node.Bench;

/// <summary>
/// The <c>fuzz</c> mode's settings: the node (its gRPC address, process and database, read for the store fingerprint),
/// the child node registered there (id and key, for valid node credentials), the seed and how many cases.
/// </summary>
internal sealed record FuzzOptions(
    Uri Address, string Provider, string ConnectionString, string NodeId, string ChildId, string ChildKey, string Password,
    int Seed, int Cases, int Concurrency, int? NodePid);
