using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dispatch.Data.Postgres;

/// <summary>
/// Normalises a <see cref="DateTimeOffset"/> to offset zero before Npgsql sees it: a timestamptz column
/// accepts only UTC values and Npgsql rejects any other offset at write time (also in query parameters).
/// SQL Server's datetimeoffset takes any offset, but stores UTC through this converter too (see SqlServerModel).
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
{
    public UtcDateTimeOffsetConverter()
        : base(value => value.ToUniversalTime(), value => value.ToUniversalTime())
    {
    }
}
