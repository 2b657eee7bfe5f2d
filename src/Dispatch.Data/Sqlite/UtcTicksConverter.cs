using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dispatch.Data.Sqlite;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks in an INTEGER column (SQLite only). SQLite keeps
/// EF's default text form but cannot order or compare it in SQL, so queries on due and report times would
/// run on the client; ticks order correctly whatever offset a value came with. Values read back are UTC.
/// </summary>
internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
    {
    }
}
