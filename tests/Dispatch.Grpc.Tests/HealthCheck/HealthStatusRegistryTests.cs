using System.Threading.Channels;
using Grpc.HealthCheck;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Dispatch.Grpc.Tests.HealthCheck;

public sealed class HealthStatusRegistryTests
{
    private readonly HealthStatusRegistry registry = new();

    [Fact]
    public void TryGetStatus_UnknownService_ReturnsFalse()
    {
        Assert.False(registry.TryGetStatus("svc", out _));
    }

    [Fact]
    public void SetStatus_ThenTryGetStatus_ReturnsLatestStatus()
    {
        registry.SetStatus("svc", ServingStatus.Serving);
        registry.SetStatus("svc", ServingStatus.NotServing);

        Assert.True(registry.TryGetStatus("svc", out var status));
        Assert.Equal(ServingStatus.NotServing, status);
    }

    [Fact]
    public void SetStatus_EmptyName_IsAServiceOfItsOwn()
    {
        registry.SetStatus("", ServingStatus.Serving);

        Assert.True(registry.TryGetStatus("", out _));
        Assert.False(registry.TryGetStatus("svc", out _));
    }

    [Fact]
    public void ClearStatus_KnownService_ForgetsIt()
    {
        registry.SetStatus("svc", ServingStatus.Serving);
        registry.SetStatus("other", ServingStatus.Serving);

        registry.ClearStatus("svc");

        Assert.False(registry.TryGetStatus("svc", out _));
        Assert.True(registry.TryGetStatus("other", out _));
    }

    [Fact]
    public void ClearAll_SeveralServices_ForgetsEvery()
    {
        registry.SetStatus("svc", ServingStatus.Serving);
        registry.SetStatus("", ServingStatus.NotServing);

        registry.ClearAll();

        Assert.False(registry.TryGetStatus("svc", out _));
        Assert.False(registry.TryGetStatus("", out _));
    }

    [Fact]
    public void Watch_KnownService_FirstUpdateIsCurrentStatus()
    {
        registry.SetStatus("svc", ServingStatus.NotServing);

        using var watch = registry.Watch("svc");

        Assert.Equal([ServingStatus.NotServing], Drain(watch.Updates));
    }

    [Fact]
    public void Watch_UnknownService_FirstUpdateIsServiceUnknown()
    {
        using var watch = registry.Watch("svc");

        Assert.Equal([ServingStatus.ServiceUnknown], Drain(watch.Updates));
    }

    [Fact]
    public void Watch_StatusChanges_DeliversEachChangeInOrder()
    {
        using var watch = registry.Watch("svc");

        registry.SetStatus("svc", ServingStatus.Serving);
        registry.SetStatus("svc", ServingStatus.NotServing);
        registry.SetStatus("svc", ServingStatus.Serving);

        Assert.Equal(
            [ServingStatus.ServiceUnknown, ServingStatus.Serving, ServingStatus.NotServing, ServingStatus.Serving],
            Drain(watch.Updates));
    }

    [Fact]
    public void Watch_SameStatusSetAgain_DeliversNothingNew()
    {
        registry.SetStatus("svc", ServingStatus.Serving);
        using var watch = registry.Watch("svc");

        registry.SetStatus("svc", ServingStatus.Serving);

        Assert.Equal([ServingStatus.Serving], Drain(watch.Updates));
    }

    [Fact]
    public void Watch_OtherServiceChanges_DeliversNothing()
    {
        using var watch = registry.Watch("svc");

        registry.SetStatus("other", ServingStatus.Serving);

        Assert.Equal([ServingStatus.ServiceUnknown], Drain(watch.Updates));
    }

    [Fact]
    public void Watch_StatusClearedOrAllCleared_DeliversServiceUnknown()
    {
        registry.SetStatus("svc", ServingStatus.Serving);
        using var watch = registry.Watch("svc");

        registry.ClearStatus("svc");
        registry.SetStatus("svc", ServingStatus.NotServing);
        registry.ClearAll();

        Assert.Equal(
            [ServingStatus.Serving, ServingStatus.ServiceUnknown, ServingStatus.NotServing, ServingStatus.ServiceUnknown],
            Drain(watch.Updates));
    }

    [Fact]
    public void Watch_TwoWatchersOfOneService_BothReceiveChanges()
    {
        using var first = registry.Watch("svc");
        using var second = registry.Watch("svc");

        registry.SetStatus("svc", ServingStatus.Serving);

        Assert.Equal(2, registry.WatcherCount);
        Assert.Equal([ServingStatus.ServiceUnknown, ServingStatus.Serving], Drain(first.Updates));
        Assert.Equal([ServingStatus.ServiceUnknown, ServingStatus.Serving], Drain(second.Updates));
    }

    [Fact]
    public void Watch_ClientFarBehind_KeepsTheLatestStatus()
    {
        using var watch = registry.Watch("svc");

        for (var i = 0; i < 100; i++)
        {
            registry.SetStatus("svc", i % 2 == 0 ? ServingStatus.Serving : ServingStatus.NotServing);
        }

        var updates = Drain(watch.Updates);
        Assert.True(updates.Count < 100);
        Assert.Equal(ServingStatus.NotServing, updates[^1]);
    }

    [Fact]
    public void Dispose_Watch_UnregistersAndCompletesUpdates()
    {
        var watch = registry.Watch("svc");

        watch.Dispose();
        watch.Dispose();
        registry.SetStatus("svc", ServingStatus.Serving);

        Assert.Equal(0, registry.WatcherCount);
        Assert.Equal([ServingStatus.ServiceUnknown], Drain(watch.Updates));
        Assert.True(watch.Updates.Completion.IsCompleted);
    }

    private static List<ServingStatus> Drain(ChannelReader<ServingStatus> updates)
    {
        var result = new List<ServingStatus>();
        while (updates.TryRead(out var status))
        {
            result.Add(status);
        }

        return result;
    }
}
