namespace Dispatch.Node.Dashboard;

/// <summary>The <c>Dashboard:*</c> settings.</summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// A Web-Mercator tile server for the map's background, e.g. <c>http://127.0.0.1:8080/{z}/{x}/{y}.png</c>; none by
    /// default: nodes run offline, and the map draws a graticule instead.
    /// </summary>
    public string? MapTileUrl { get; set; }

    /// <summary>The most open cases the map plots (the latest reported).</summary>
    public int MapMaxPoints { get; set; } = 2_000;
}
