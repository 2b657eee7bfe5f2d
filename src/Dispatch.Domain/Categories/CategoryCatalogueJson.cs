using System.Text.Json;

namespace Dispatch.Domain.Categories;

/// <summary>
/// Reads the catalogue format: <c>{ "categories": [ { "code": "01", "name": "...",
/// "children": [ { "code": "0101", "name": "..." } ] } ] }</c>.
/// </summary>
internal static class CategoryCatalogueJson
{
    public static List<Category> Read(string json)
    {
        var categories = new List<Category>();
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var top in document.RootElement.GetProperty("categories").EnumerateArray())
            {
                var parent = ReadOne(top, parentCode: null);
                categories.Add(parent);
                if (top.TryGetProperty("children", out var children))
                {
                    categories.AddRange(children.EnumerateArray().Select(child => ReadOne(child, parent.Code)));
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"The category catalogue is not valid: {e.Message}", e);
        }

        return categories;
    }

    private static Category ReadOne(JsonElement element, string? parentCode)
    {
        var code = element.GetProperty("code").GetString() ?? string.Empty;
        var name = element.GetProperty("name").GetString() ?? string.Empty;
        var expectedLength = parentCode is null ? Category.TopLevelCodeLength : Category.LeafCodeLength;
        if (code.Length != expectedLength || !code.All(char.IsAsciiDigit))
        {
            throw new FormatException($"Category code '{code}' must have {expectedLength} digits.");
        }

        if (parentCode is not null && !code.StartsWith(parentCode, StringComparison.Ordinal))
        {
            throw new FormatException($"Category code '{code}' must start with its parent's code '{parentCode}'.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException($"Category '{code}' has no name.");
        }

        return new Category(code, name, parentCode);
    }
}
