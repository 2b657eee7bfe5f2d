using Dispatch.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dispatch.Data.SqlServer;

/// <summary>What the model does differently on SQL Server.</summary>
internal static class SqlServerModel
{
    /// <summary>
    /// SQL Server 2022 (160): the T-SQL EF writes runs there and on Azure SQL; primitive collections are JSON text in
    /// <c>nvarchar(max)</c>, as on SQLite.
    /// </summary>
    public const int CompatibilityLevel = 160;

    /// <summary>
    /// The collation of every text column: a binary one compares text as SQLite and PostgreSQL do, case and accents
    /// included. Under a server's usual case-insensitive default, a retried report whose request id differs only in
    /// case would find another report's case, and two user names differing only in case would collide. Every text
    /// column has it, so no comparison between two columns mixes collations (an error on SQL Server).
    /// </summary>
    public const string Collation = "Latin1_General_100_BIN2";

    public static void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // datetimeoffset compares and orders by the instant whatever the offset; values are stored in UTC all the
        // same, so that a value reads back as it does on the other providers (offset zero) and reads plainly in SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    /// <summary>Gives every column stored as text (strings, enums by name, converted values) the binary collation.</summary>
    public static void ApplyCollation(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            Collate(entityType.GetProperties());
            foreach (var complex in entityType.GetComplexProperties())
            {
                Collate(complex.ComplexType.GetProperties());
            }
        }
    }

    private static void Collate(IEnumerable<IMutableProperty> properties)
    {
        foreach (var property in properties)
        {
            var stored = property.GetValueConverter()?.ProviderClrType ?? property.GetProviderClrType() ?? property.ClrType;
            if (stored == typeof(string) && !property.IsPrimitiveCollection)
            {
                property.SetCollation(Collation);
            }
        }
    }
}
