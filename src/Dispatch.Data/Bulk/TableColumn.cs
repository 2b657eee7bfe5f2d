using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Data.Bulk;

/// <summary>
/// One column of an entity's table as the EF model maps it: how to read the value from an entity and
/// turn it into what the provider stores, and how the provider wants the parameter typed.
/// </summary>
public sealed class TableColumn(string name, Func<object, object?> read, RelationalTypeMapping mapping)
{
    public string Name { get; } = name;

    public DbParameter CreateParameter(DbCommand command, string parameterName) =>
        mapping.CreateParameter(command, parameterName, value: null, nullable: true);

    /// <summary>The PostgreSQL type the provider gives this column's parameters (for a binary COPY).</summary>
    public NpgsqlTypes.NpgsqlDbType PostgresType(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        return ((Npgsql.NpgsqlParameter)CreateParameter(command, "p")).NpgsqlDbType;
    }

    public object ProviderValue(object entity)
    {
        var value = read(entity);
        if (value is not null && mapping.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value ?? DBNull.Value;
    }

    /// <summary>
    /// The columns EF writes for <paramref name="type"/>: its properties, its complex properties' members and
    /// its owned (table-split) reference's members; store-generated keys are left to the database.
    /// </summary>
    /// <remarks>Worked out once per entity type of a model (EF caches the model per provider), not per batch.</remarks>
    public static IReadOnlyList<TableColumn> For(IEntityType type) => Known.GetValue(type, Build);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEntityType, IReadOnlyList<TableColumn>> Known = [];

    private static IReadOnlyList<TableColumn> Build(IEntityType type)
    {
        var columns = new List<TableColumn>();
        foreach (var property in type.GetProperties())
        {
            if (property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey())
            {
                continue;
            }

            var getter = property.GetGetter();
            columns.Add(new TableColumn(property.GetColumnName(), getter.GetClrValue, property.GetRelationalTypeMapping()));
        }

        // A null complex or owned value is stored as NULL in all its columns.
        foreach (var complex in type.GetComplexProperties())
        {
            var owner = complex.GetGetter();
            foreach (var property in complex.ComplexType.GetProperties())
            {
                columns.Add(Member(property, entity => owner.GetClrValueUsingContainingEntity(entity)));
            }
        }

        foreach (var navigation in type.GetNavigations().Where(n => !n.IsCollection && n.TargetEntityType.IsOwned()))
        {
            var owner = navigation.GetGetter();
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                columns.Add(Member(property, entity => owner.GetClrValue(entity)));
            }
        }

        return columns;
    }

    private static TableColumn Member(IProperty property, Func<object, object?> readOwner)
    {
        var getter = property.GetGetter();
        return new TableColumn(
            property.GetColumnName(),
            entity => readOwner(entity) is { } owned ? getter.GetClrValue(owned) : null,
            property.GetRelationalTypeMapping());
    }
}
