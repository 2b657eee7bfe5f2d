namespace Dispatch.Node.Dashboard.Shared;

/// <summary>One value of a chart: its label, the number plotted and the text shown for it (e.g. "87.5%" or "n/a").</summary>
public sealed record ChartValue(string Label, double Value, string Text);
