namespace Dispatch.Node.Open311;

/// <summary>
/// The <c>Open311:*</c> settings: the apps registered to POST service requests, each with its api_key
/// (<c>Open311:Apps:0:Name</c>, <c>Open311:Apps:0:Key</c>). Reads need no key. Served on village and town nodes only.
/// </summary>
public sealed class Open311Options
{
    public List<Open311AppOptions> Apps { get; set; } = [];
}

/// <summary>One registered app: its name (its reports' reporter, see Open311Callers) and its api_key.</summary>
public sealed class Open311AppOptions
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";
}
