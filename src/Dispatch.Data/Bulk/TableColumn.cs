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

    /// <summary>
    /// A parameter holding this column's provider value of <paramref name="entity"/>. Made with its value, as EF makes
    /// its own: the mapping sizes a text parameter from it (SqlClient would cut a value longer than a size given
    /// without it).
    /// </summary>
    public DbParameter CreateParameter(DbCommand command, string parameterName, object entity) =>
        mapping.CreateParameter(command, parameterName, ProviderValue(entity), nullable: true);

    /// <summary>The column's type in the database, as the model maps it (for a cast).</summary>
    public string StoreType => mapping.StoreType;

    /// <summary>True for a PostgreSQL array column (a primitive collection).</summary>
    public bool IsPostgresArray => mapping.StoreType.EndsWith("[]", StringComparison.Ordinal);

    /// <summary>
    /// This column's provider values of <paramref name="entities"/> as one typed array, and the PostgreSQL type
    /// of its elements: an array parameter of the column's values. A value that is itself an array (a
    /// primitive collection) becomes the text of an array literal.
    /// </summary>
    public (Array Values, NpgsqlTypes.NpgsqlDbType ElementType) PostgresArray(IReadOnlyList<object> entities)
    {
        // Worked out once; a reference, so a column shared by threads is never seen half written.
        var (clrType, elementType) = _postgresElement ??= PostgresElement();
        var values = Array.CreateInstance(clrType, entities.Count);
        var isArray = IsPostgresArray;
        for (var i = 0; i < entities.Count; i++)
        {
            var value = ProviderValue(entities[i]);
            values.SetValue(value is DBNull ? null : isArray ? ArrayLiteral((System.Collections.IEnumerable)value) : value, i);
        }

        return (values, elementType);
    }

    private PostgresElementType? _postgresElement;

    private PostgresElementType PostgresElement()
    {
        if (IsPostgresArray)
        {
            return new(typeof(string), NpgsqlTypes.NpgsqlDbType.Text);
        }

        using var command = new Npgsql.NpgsqlCommand();
        var elementType = ((Npgsql.NpgsqlParameter)CreateParameter(command, "p")).NpgsqlDbType;
        if (elementType == NpgsqlTypes.NpgsqlDbType.Unknown)
        {
            throw new InvalidOperationException($"Column {Name} ({mapping.StoreType}) has no PostgreSQL parameter type to insert by arrays.");
        }

        var clrType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return new(clrType.IsValueType && Nullable.GetUnderlyingType(clrType) is null ? typeof(Nullable<>).MakeGenericType(clrType) : clrType, elementType);
    }

    /// <summary>The element type of this column's array parameter: in .NET (nullable) and in PostgreSQL.</summary>
    private sealed record PostgresElementType(Type ClrType, NpgsqlTypes.NpgsqlDbType ElementType);

    /// <summary>A PostgreSQL array literal of text elements: each quoted, with quotes and backslashes escaped.</summary>
    internal static string ArrayLiteral(System.Collections.IEnumerable elements)
    {
        var literal = new System.Text.StringBuilder("{");
        foreach (var element in elements)
        {
            if (literal.Length > 1)
            {
                literal.Append(',');
            }

            if (element is null)
            {
                literal.Append("NULL");
                continue;
            }

            literal.Append('"');
            foreach (var c in Convert.ToString(element, System.Globalization.CultureInfo.InvariantCulture)!)
            {
                if (c is '"' or '\\')
                {
                    literal.Append('\\');
                }

                literal.Append(c);
            }

            literal.Append('"');
        }

        return literal.Append('}').ToString();
    }

    public object ProviderValue(object entity)
    {
        var value = read(entity);
        if (value is not null && mapping.Converter is { } converter)
        {
            // An empty collection (the evidence of most reports and events) converts to the same stored value every
            // time: converted once. EF's JSON conversion of a collection cost a stream, a writer and a reflection
            // lookup per value, a tenth of what the intake allocated (2026-11-29).
            value = value is System.Collections.ICollection { Count: 0 }
                ? _emptyCollection ??= converter.ConvertToProvider(value) ?? DBNull.Value
                : converter.ConvertToProvider(value);
        }

        return value ?? DBNull.Value;
    }

    private object? _emptyCollection;

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
