namespace Dispatch.Application.Errors;

/// <summary>The request's expected_version is not the case's current version. Maps to ABORTED.</summary>
internal sealed class StaleVersionException(string caseId, int expected, int actual)
    : Exception($"Case '{caseId}' is at version {actual}, not the expected version {expected}; reload it and retry.");
