using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;
using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Directory;

/// <summary>The smallest territory, patrolled by its grid workers; identified by its 15-digit <see cref="GridId"/>.</summary>
public sealed class Grid
{
#pragma warning disable CS8618 // EF Core materialises grids through this constructor and sets every property.
    private Grid()
    {
    }
#pragma warning restore CS8618

    public Grid(GridId id, string name)
    {
        Check.Input(new ValueIsRequired("id", id));
        Check.RequiredText("name", name, DirectoryLimits.NameMaxLength);
        Id = id;
        Name = name;
    }

    public GridId Id { get; private set; }

    public string Name { get; private set; }

    public void Rename(string name)
    {
        Check.RequiredText("name", name, DirectoryLimits.NameMaxLength);
        Name = name;
    }
}
