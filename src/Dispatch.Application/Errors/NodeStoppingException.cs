namespace Dispatch.Application.Errors;

/// <summary>The node is shutting down while a stream waits; the watcher reconnects and resumes. Maps to UNAVAILABLE.</summary>
internal sealed class NodeStoppingException()
    : Exception("The node is shutting down; reconnect and resume from the last sequence.");
