using Grpc.Core;

namespace Dispatch.Grpc.Tests.EndToEnd;

/// <summary>Lets a test see inside the server's handlers and release them.</summary>
public sealed class TesterProbe
{
    public Metadata? LastHeaders { get; set; }

    public DateTime LastDeadline { get; set; }

    public TaskCompletionSource Started { get; private set; } = NewSource();

    public TaskCompletionSource Release { get; private set; } = NewSource();

    public TaskCompletionSource<bool> HandlerFinished { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset()
    {
        Started = NewSource();
        Release = NewSource();
        HandlerFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
