namespace Dispatch.Data.Configurations;

/// <summary>Column sizes that the domain does not define itself.</summary>
internal static class ColumnLengths
{
    /// <summary>Enums are stored by name; every name fits (the longest today has 17 characters).</summary>
    public const int Enum = 32;

    /// <summary>Catalogue codes have 2 or 4 digits; room for a deeper catalogue.</summary>
    public const int CategoryCode = 16;
}
