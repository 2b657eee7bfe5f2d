namespace Dispatch.Cli.Import;

/// <summary>
/// The header of a cases file: which column holds which field. Names are case-insensitive, in any order; title,
/// category, grid, lat and lon are required, the others optional. An unknown, repeated or missing column stops the
/// import before anything is sent (every row would be read wrongly).
/// </summary>
internal sealed class CaseColumns
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Category = "category";
    public const string Grid = "grid";
    public const string Latitude = "lat";
    public const string Longitude = "lon";
    public const string Address = "address";
    public const string Whistle = "whistle";
    public const string Mode = "mode";
    public const string Evidence = "evidence";

    public static readonly IReadOnlyList<string> Required = [Title, Category, Grid, Latitude, Longitude];

    public static readonly IReadOnlyList<string> Known = [Title, Description, Category, Grid, Latitude, Longitude, Address, Whistle, Mode, Evidence];

    private readonly Dictionary<string, int> _index;

    private CaseColumns(Dictionary<string, int> index, int count)
    {
        _index = index;
        Count = count;
    }

    /// <summary>How many columns each row must have.</summary>
    public int Count { get; }

    /// <summary>The columns of the header, or why the header cannot be used.</summary>
    public static (CaseColumns? Columns, string? Error) FromHeader(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (!Known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return (null, $"unknown column '{name}' (known: {string.Join(", ", Known)})");
            }

            if (!index.TryAdd(name, i))
            {
                return (null, $"column '{name}' appears twice");
            }
        }

        var missing = Required.Where(r => !index.ContainsKey(r)).ToList();
        return missing.Count > 0
            ? (null, $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}")
            : (new CaseColumns(index, header.Count), null);
    }

    /// <summary>The field of the named column in a row; empty when the file has no such column.</summary>
    public string Get(IReadOnlyList<string> fields, string column) =>
        _index.TryGetValue(column, out var i) ? fields[i].Trim() : "";
}
