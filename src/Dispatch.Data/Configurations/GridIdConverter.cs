using Dispatch.Domain.Geography;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dispatch.Data.Configurations;

/// <summary>Stores a <see cref="GridId"/> as its 15-digit text (leading zeros kept).</summary>
internal sealed class GridIdConverter : ValueConverter<GridId, string>
{
    public GridIdConverter()
        : base(grid => grid.Value, value => GridId.Parse(value, "gridId"))
    {
    }
}
