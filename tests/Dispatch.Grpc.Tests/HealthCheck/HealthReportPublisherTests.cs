using Grpc.HealthCheck;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Dispatch.Grpc.Tests.HealthCheck;

public sealed class HealthReportPublisherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly HealthServiceImpl health = new();
    private readonly FakeHealthCheckService checks = new();
    private readonly HealthReportPublisher publisher;

    public HealthReportPublisherTests()
    {
        publisher = new HealthReportPublisher(health, checks);
    }

    [Theory]
    [InlineData(HealthStatus.Healthy, ServingStatus.Serving)]
    [InlineData(HealthStatus.Degraded, ServingStatus.Serving)]
    [InlineData(HealthStatus.Unhealthy, ServingStatus.NotServing)]
    public async Task PublishAsync_Report_SetsOverallStatus(HealthStatus reported, ServingStatus expected)
    {
        await publisher.PublishAsync(FakeHealthCheckService.Report(reported), CancellationToken.None);

        Assert.Equal(expected, OverallStatus());
    }

    [Fact]
    public async Task PublishAsync_StatusChanges_WatchersSeeTheChange()
    {
        using var watch = health.Registry.Watch("");

        await publisher.PublishAsync(FakeHealthCheckService.Report(HealthStatus.Healthy), CancellationToken.None);
        await publisher.PublishAsync(FakeHealthCheckService.Report(HealthStatus.Unhealthy), CancellationToken.None);

        Assert.True(watch.Updates.TryRead(out var first));
        Assert.True(watch.Updates.TryRead(out var second));
        Assert.True(watch.Updates.TryRead(out var third));
        Assert.Equal([ServingStatus.ServiceUnknown, ServingStatus.Serving, ServingStatus.NotServing], [first, second, third]);
    }

    [Fact]
    public async Task EnsurePublishedAsync_NoReportYet_EvaluatesOnceAndSetsStatus()
    {
        checks.Status = HealthStatus.Unhealthy;

        await publisher.EnsurePublishedAsync(CancellationToken.None).WaitAsync(Patience);
        await publisher.EnsurePublishedAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(1, checks.Evaluations);
        Assert.Equal(ServingStatus.NotServing, OverallStatus());
    }

    [Fact]
    public async Task EnsurePublishedAsync_ReportAlreadyPublished_DoesNotEvaluate()
    {
        await publisher.PublishAsync(FakeHealthCheckService.Report(HealthStatus.Degraded), CancellationToken.None);

        await publisher.EnsurePublishedAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(0, checks.Evaluations);
        Assert.Equal(ServingStatus.Serving, OverallStatus());
    }

    [Fact]
    public async Task EnsurePublishedAsync_ConcurrentFirstCalls_ShareOneEvaluation()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        checks.Gate = gate.Task;

        var first = publisher.EnsurePublishedAsync(CancellationToken.None);
        var second = publisher.EnsurePublishedAsync(CancellationToken.None);
        gate.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.Equal(1, checks.Evaluations);
        Assert.Equal(ServingStatus.Serving, OverallStatus());
    }

    [Fact]
    public async Task EnsurePublishedAsync_PeriodicReportArrivesDuringEvaluation_KeepsThePeriodicReport()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        checks.Gate = gate.Task;
        checks.Status = HealthStatus.Healthy;

        var evaluation = publisher.EnsurePublishedAsync(CancellationToken.None);
        await publisher.PublishAsync(FakeHealthCheckService.Report(HealthStatus.Unhealthy), CancellationToken.None);
        gate.SetResult();
        await evaluation.WaitAsync(Patience);

        Assert.Equal(ServingStatus.NotServing, OverallStatus());
    }

    [Fact]
    public async Task EnsurePublishedAsync_CallerCancels_StopsWaitingWithoutCancellingTheEvaluation()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        checks.Gate = gate.Task;
        using var cancellation = new CancellationTokenSource();

        var abandoned = publisher.EnsurePublishedAsync(cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Patience));
        gate.SetResult();
        await publisher.EnsurePublishedAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(1, checks.Evaluations);
        Assert.Equal(ServingStatus.Serving, OverallStatus());
    }

    private ServingStatus? OverallStatus() =>
        health.Registry.TryGetStatus(HealthReportPublisher.OverallService, out var status) ? status : null;
}
