namespace Dispatch.Node.Bench;

/// <summary>
/// The <c>fill</c> mode's settings: the node's database and how many cases it should hold; with
/// <paramref name="OpenAhead"/> every case is open with its deadline (and reminder) still ahead, 1 to 30 days
/// out (the deadline benchmark's standing load).
/// </summary>
internal sealed record FillOptions(string Provider, string ConnectionString, int Cases, int Seed, bool OpenAhead = false);
