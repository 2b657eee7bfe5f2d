using Dispatch.Contracts.V1;
using Dispatch.Domain.Categories;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests;

/// <summary>
/// ListCategories: every signed-in role gets the node's whole catalogue in catalogue order, each subcategory naming
/// its parent, with the deadline the node's policy gives the category (its own rule, else its parent's).
/// </summary>
public abstract class CategoryListTests(StorageKind storage) : NodeTestBase(storage)
{
    protected override IReadOnlyDictionary<string, string?> NodeSettings => new Dictionary<string, string?>
    {
        ["Deadlines:Enabled"] = "true",
        ["Deadlines:Calendars:office:DayStart"] = "09:00",
        ["Deadlines:Calendars:office:DayEnd"] = "17:00",
        ["Deadlines:Categories:03:Limit"] = "08:00:00",
        ["Deadlines:Categories:03:Calendar"] = "office",
        ["Deadlines:Categories:0201:Limit"] = "04:00:00",
    };

    [Fact]
    public async Task ListCategories_EverySignedInRole_WholeCatalogueWithParentsAndDeadlines()
    {
        foreach (var userName in new[] { "worker1", "sanitation", "dispatcher", "supervisor", "admin" })
        {
            var directory = await Node.DirectoryAsAsync(userName);

            var listed = (await directory.ListCategoriesAsync(new ListCategoriesRequest())).Categories;

            Assert.Equal(CategoryCatalogue.Default.All.Select(c => c.Code), listed.Select(c => c.Code));
            Assert.Equal(CategoryCatalogue.Default.All.Select(c => c.ParentCode ?? ""), listed.Select(c => c.ParentCode));
            Assert.Equal("Sanitation", listed.Single(c => c.Code == "02").Name);
        }

        var categories = (await (await Node.DirectoryAsAsync("worker1")).ListCategoriesAsync(new ListCategoriesRequest())).Categories.ToDictionary(c => c.Code);
        Assert.Equal(TimeSpan.FromHours(4), categories["0201"].Deadline.ToTimeSpan());
        Assert.Equal("", categories["0201"].DeadlineCalendar);
        Assert.Null(categories["0202"].Deadline);
        Assert.Null(categories["02"].Deadline);
        Assert.Equal(TimeSpan.FromHours(8), categories["0305"].Deadline.ToTimeSpan());
        Assert.Equal("office", categories["0305"].DeadlineCalendar);
        Assert.Equal("office", categories["03"].DeadlineCalendar);
    }
}

public sealed class CategoryListSqliteTests() : CategoryListTests(StorageKind.Sqlite);

public sealed class CategoryListPostgresTests() : CategoryListTests(StorageKind.Postgres);
