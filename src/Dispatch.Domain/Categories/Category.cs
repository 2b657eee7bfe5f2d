namespace Dispatch.Domain.Categories;

/// <summary>
/// One entry of the category catalogue. Top-level codes have 2 digits (<c>02</c> Sanitation);
/// subcategories have 4 and start with their parent's code (<c>0202</c> Exposed refuse).
/// </summary>
public sealed record Category(string Code, string Name, string? ParentCode)
{
    /// <summary>Digits in a top-level code ("02", sanitation).</summary>
    public const int TopLevelCodeLength = 2;

    /// <summary>Digits in a second-level (leaf) code ("0201"), whose first two are its parent's.</summary>
    public const int LeafCodeLength = 4;

    public bool IsTopLevel => ParentCode is null;
}
