namespace Dispatch.Node.Dashboard.Map;

/// <summary>A meridian or parallel across the view, with its label (e.g. "116.40E").</summary>
public sealed record GraticuleLine(string Label, double X1, double Y1, double X2, double Y2);
