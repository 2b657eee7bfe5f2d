using Bunit;
using Dispatch.Node.Dashboard.Shared;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Dashboard;

/// <summary>The countdown component on a fake clock: it ticks with the clock's timers and turns late at the deadline.</summary>
public sealed class CountdownTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    private readonly BunitContext _context = new();

    public CountdownTests()
    {
        _context.Services.AddSingleton<TimeProvider>(_clock);
        _context.Services.AddLocalization();
    }

    [Fact]
    public void Countdown_TicksWithTheClock_SoonInTheLastHour_LateAfterTheDeadline_PassedRaisedOnce()
    {
        var passed = 0;
        var countdown = _context.Render<Countdown>(p => p
            .Add(c => c.Deadline, _clock.GetUtcNow().AddHours(2))
            .Add(c => c.Passed, () => passed++));
        var span = countdown.Find("[data-test=countdown]");
        Assert.Equal("2 h 00 min left", span.TextContent);
        Assert.Equal("countdown", span.ClassName);

        _clock.Advance(TimeSpan.FromMinutes(61));
        countdown.WaitForAssertion(() => Assert.Equal("59:00 left", countdown.Find("[data-test=countdown]").TextContent));
        Assert.Equal("countdown soon", countdown.Find("[data-test=countdown]").ClassName);

        _clock.Advance(TimeSpan.FromSeconds(1));
        countdown.WaitForAssertion(() => Assert.Equal("58:59 left", countdown.Find("[data-test=countdown]").TextContent));

        _clock.Advance(TimeSpan.FromMinutes(59));
        countdown.WaitForAssertion(() => Assert.Equal("overdue by 00:01", countdown.Find("[data-test=countdown]").TextContent));
        Assert.Equal("countdown late", countdown.Find("[data-test=countdown]").ClassName);
        Assert.Equal(1, passed);

        _clock.Advance(TimeSpan.FromDays(1));
        countdown.WaitForAssertion(() => Assert.Equal("overdue by 1 d 00 h", countdown.Find("[data-test=countdown]").TextContent));
        Assert.Equal(1, passed);
    }

    [Fact]
    public void Countdown_InChinese_UsesTheResources()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh");
        try
        {
            var countdown = _context.Render<Countdown>(p => p.Add(c => c.Deadline, _clock.GetUtcNow().AddMinutes(5)));
            Assert.Equal("剩余 05:00", countdown.Find("[data-test=countdown]").TextContent);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
