using Dispatch.Domain.Categories;

namespace Dispatch.Node.Open311;

/// <summary>
/// The category catalogue as GeoReport v2 services: one per category (either level), its code the service_code, its
/// top-level category the group. No service has attributes, so metadata is false and a definition lists none.
/// </summary>
internal static class Open311Services
{
    public static IReadOnlyList<Open311Field> Service(CategoryCatalogue catalogue, Category category)
    {
        var group = catalogue.ParentOf(category.Code) ?? category;
        return
        [
            new("service_code", category.Code),
            new("service_name", category.Name),
            new("description", category.IsTopLevel ? category.Name : $"{group.Name}: {category.Name}"),
            new("metadata", false),
            new("type", "realtime"),
            new("keywords", category.IsTopLevel ? category.Name : $"{category.Name}, {group.Name}"),
            new("group", group.Name),
        ];
    }

    public static IReadOnlyList<Open311Field> Definition(Category category) =>
        [new("service_code", category.Code), new("attributes", Array.Empty<IReadOnlyList<Open311Field>>())];
}
