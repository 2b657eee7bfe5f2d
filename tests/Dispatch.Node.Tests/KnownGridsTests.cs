using Dispatch.Application.Cases;
using Dispatch.Domain.Geography;

namespace Dispatch.Node.Tests;

/// <summary>A grid found in the directory is not looked up again; one not found is, every time.</summary>
public sealed class KnownGridsTests
{
    private static readonly GridId Grid = GridId.Parse("110105001001001");

    [Fact]
    public async Task ExistsAsync_AFoundGrid_IsNotLookedUpAgain()
    {
        var grids = new KnownGrids();
        var lookups = 0;

        Assert.True(await grids.ExistsAsync(Grid, () => Task.FromResult(++lookups > 0)));
        Assert.True(await grids.ExistsAsync(Grid, () => Task.FromResult(++lookups > 0)));

        Assert.Equal(1, lookups);
    }

    [Fact]
    public async Task ExistsAsync_AGridNotFound_IsLookedUpEachTimeUntilFound()
    {
        var grids = new KnownGrids();
        var answers = new Queue<bool>([false, false, true]);
        var lookups = 0;
        Task<bool> Lookup()
        {
            lookups++;
            return Task.FromResult(answers.Dequeue());
        }

        Assert.False(await grids.ExistsAsync(Grid, Lookup));
        Assert.False(await grids.ExistsAsync(Grid, Lookup));
        Assert.True(await grids.ExistsAsync(Grid, Lookup));
        Assert.True(await grids.ExistsAsync(Grid, Lookup));

        Assert.Equal(3, lookups);
    }

    [Fact]
    public async Task ExistsAsync_OtherGrids_AreLookedUpOnTheirOwn()
    {
        var grids = new KnownGrids();
        await grids.ExistsAsync(Grid, () => Task.FromResult(true));

        Assert.False(await grids.ExistsAsync(GridId.Parse("110105001001002"), () => Task.FromResult(false)));
    }
}
