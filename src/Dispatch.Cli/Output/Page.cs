using Google.Protobuf;

namespace Dispatch.Cli.Output;

/// <summary>One page of a list call: the response (for --json), its items and the token of the next page (empty: last).</summary>
internal sealed record Page<TItem>(IMessage Response, IReadOnlyList<TItem> Items, string NextPageToken);
