using System.Reflection;

namespace Dispatch.Domain.Categories;

/// <summary>
/// The two-level catalogue of case categories. The default one ships as data
/// (<c>Categories/default-categories.json</c>, embedded in this assembly); a node may load its own.
/// Immutable once built, so one instance can be shared by all threads.
/// </summary>
public sealed class CategoryCatalogue
{
    private const string DefaultResourceName = "Dispatch.Domain.Categories.default-categories.json";

    private static readonly Lazy<CategoryCatalogue> DefaultCatalogue = new(LoadDefault);

    private readonly Dictionary<string, Category> _byCode;
    private readonly Dictionary<string, List<Category>> _children;

    private CategoryCatalogue(List<Category> categories)
    {
        All = categories.AsReadOnly();
        _byCode = new Dictionary<string, Category>(StringComparer.Ordinal);
        _children = new Dictionary<string, List<Category>>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            if (!_byCode.TryAdd(category.Code, category))
            {
                throw new FormatException($"Category code '{category.Code}' appears more than once.");
            }

            if (category.ParentCode is { } parent)
            {
                if (!_children.TryGetValue(parent, out var siblings))
                {
                    _children[parent] = siblings = [];
                }

                siblings.Add(category);
            }
        }

        TopLevel = categories.Where(c => c.IsTopLevel).ToList().AsReadOnly();
    }

    /// <summary>The catalogue shipped with the domain, loaded once.</summary>
    public static CategoryCatalogue Default => DefaultCatalogue.Value;

    /// <summary>Every category, parents before their children, in catalogue order.</summary>
    public IReadOnlyList<Category> All { get; }

    public IReadOnlyList<Category> TopLevel { get; }

    /// <summary>Reads the embedded default catalogue (a fresh instance; prefer <see cref="Default"/>).</summary>
    public static CategoryCatalogue LoadDefault()
    {
        using var stream = typeof(CategoryCatalogue).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{DefaultResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>Builds a catalogue from JSON in the shape of the default one; throws <see cref="FormatException"/>.</summary>
    public static CategoryCatalogue FromJson(string json) => new(CategoryCatalogueJson.Read(json));

    public Category? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code, out var category) ? category : null;

    public bool Contains(string? code) => Find(code) is not null;

    /// <summary>True for a known code without subcategories; false for unknown codes.</summary>
    public bool IsLeaf(string? code) => Contains(code) && !_children.ContainsKey(code!);

    /// <summary>The parent of a subcategory; null for top-level or unknown codes.</summary>
    public Category? ParentOf(string? code) => Find(Find(code)?.ParentCode);

    public IReadOnlyList<Category> ChildrenOf(string? code) =>
        code is not null && _children.TryGetValue(code, out var children) ? children.AsReadOnly() : [];
}
