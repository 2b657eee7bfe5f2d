namespace Dispatch.Node.Dashboard.Map;

/// <summary>One background tile: its address, and where it goes in the view (top left corner, square side) in pixels.</summary>
public sealed record MapTile(string Url, double X, double Y, double Size);
