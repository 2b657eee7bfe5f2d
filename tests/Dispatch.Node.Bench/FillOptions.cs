namespace Dispatch.Node.Bench;

/// <summary>The <c>fill</c> mode's settings: the node's database and how many cases it should hold.</summary>
internal sealed record FillOptions(string Provider, string ConnectionString, int Cases, int Seed);
