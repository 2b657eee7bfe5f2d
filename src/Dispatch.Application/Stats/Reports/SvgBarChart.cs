using System.Globalization;
using System.Net;
using System.Text;

namespace Dispatch.Application.Stats.Reports;

/// <summary>A horizontal or vertical bar chart as inline SVG: no script, no external reference; every text escaped.</summary>
internal static class SvgBarChart
{
    private const int BarThickness = 18;
    private const int Gap = 6;
    private const int LabelWidth = 180;
    private const int PlotLength = 420;

    /// <summary>One horizontal bar per item (e.g. on-time close rate per department), longest = <paramref name="max"/>.</summary>
    public static string Horizontal(string title, IReadOnlyList<(string Label, double Value, string Text)> bars, double max)
    {
        var height = 28 + (bars.Count * (BarThickness + Gap));
        var svg = Open(title, LabelWidth + PlotLength + 80, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var y = 24 + (i * (BarThickness + Gap));
            var length = max <= 0 ? 0 : Math.Clamp(value / max, 0, 1) * PlotLength;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{Escape(Shorten(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarThickness}\" class=\"bar\"><title>{Escape(label)}: {Escape(text)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 13}\">{Escape(text)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>One vertical bar per item (e.g. cases reported per day), tallest = the largest value.</summary>
    public static string Vertical(string title, IReadOnlyList<(string Label, int Count)> bars)
    {
        const int plotHeight = 160;
        var width = Math.Max(BarThickness + Gap, (PlotLength + LabelWidth) / Math.Max(1, bars.Count));
        var svg = Open(title, 40 + (bars.Count * width), plotHeight + 60);
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count) = bars[i];
            var x = 20 + (i * width);
            var height = max == 0 ? 0 : (double)count / max * plotHeight;
            var top = 30 + plotHeight - height;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top:0.#}\" width=\"{width - Gap}\" height=\"{height:0.#}\" class=\"bar\"><title>{Escape(label)}: {count}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((width - Gap) / 2)}\" y=\"{top - 4:0.#}\" text-anchor=\"middle\">{count}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((width - Gap) / 2)}\" y=\"{plotHeight + 48}\" text-anchor=\"middle\" class=\"axis\">{Escape(label)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\"><title>{Escape(title)}</title><text x=\"0\" y=\"14\" class=\"caption\">{Escape(title)}</text>");

    private static string Shorten(string label) => label.Length <= 24 ? label : string.Concat(label.AsSpan(0, 23), "\u2026");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
