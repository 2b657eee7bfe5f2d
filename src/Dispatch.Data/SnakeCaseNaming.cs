using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dispatch.Data;

/// <summary>
/// Gives every column, key, foreign key and index a lower-case snake_case name (tables are named in their
/// configurations), so hand-written SQL, psql sessions and the migration read the same on both providers.
/// </summary>
internal static class SnakeCaseNaming
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        var entityTypes = modelBuilder.Model.GetEntityTypes().ToList();
        foreach (var entityType in entityTypes)
        {
            var table = entityType.GetTableName();
            if (table is null)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            foreach (var property in entityType.GetProperties())
            {
                // An owned type's key shares its owner's key column; it follows the owner's name.
                if (!(entityType.IsOwned() && property.IsPrimaryKey()))
                {
                    Rename(property, store);
                }
            }

            foreach (var complexProperty in entityType.GetComplexProperties())
            {
                RenameComplex(complexProperty.ComplexType, store);
            }
        }

        // Constraint and index names derive from the column names, so they come second.
        foreach (var entityType in entityTypes)
        {
            foreach (var key in entityType.GetDeclaredKeys())
            {
                key.SetName(key.GetName()?.ToLowerInvariant());
            }

            foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
            {
                foreignKey.SetConstraintName(foreignKey.GetConstraintName()?.ToLowerInvariant());
            }

            foreach (var index in entityType.GetDeclaredIndexes())
            {
                index.SetDatabaseName(index.GetDatabaseName()?.ToLowerInvariant());
            }
        }
    }

    private static void RenameComplex(IMutableComplexType complexType, StoreObjectIdentifier store)
    {
        foreach (var property in complexType.GetProperties())
        {
            Rename(property, store);
        }

        foreach (var nested in complexType.GetComplexProperties())
        {
            RenameComplex(nested.ComplexType, store);
        }
    }

    private static void Rename(IMutableProperty property, StoreObjectIdentifier store)
    {
        var column = property.GetColumnName(store);
        if (column is not null)
        {
            property.SetColumnName(ToSnakeCase(column));
        }
    }

    /// <summary><c>ReporterId</c> -> <c>reporter_id</c>; <c>Location_Latitude</c> -> <c>location_latitude</c>.</summary>
    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var afterWord = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((afterWord || acronymEnd) && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
