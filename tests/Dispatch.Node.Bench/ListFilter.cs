using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>A named first-page ListCases request; <paramref name="AsGridWorker"/>: sent by worker1 (two grids) instead.</summary>
internal sealed record ListFilter(string Name, ListCasesRequest Request, bool AsGridWorker = false);
