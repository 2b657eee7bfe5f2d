namespace Dispatch.Testing.Browser;

/// <summary>
/// The browser's viewport: a desk screen, or a phone (the grid worker's). A phone is emulated (Chrome's device
/// metrics, touch): a headless window cannot be made narrower than 500 px.
/// </summary>
public sealed record BrowserSize(int Width, int Height, bool Phone = false)
{
    public static readonly BrowserSize Desktop = new(1280, 900);

    public static readonly BrowserSize Phone375 = new(375, 812, Phone: true);
}
