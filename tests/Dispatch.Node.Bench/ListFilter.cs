using Dispatch.Contracts.V1;

namespace Dispatch.Node.Bench;

/// <summary>A named first-page ListCases request.</summary>
internal sealed record ListFilter(string Name, ListCasesRequest Request);
