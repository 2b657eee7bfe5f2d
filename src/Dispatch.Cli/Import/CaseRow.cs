using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Import;

/// <summary>
/// A data row of a cases file turned into a report, or the reason it cannot be (wrong column count, a number that is
/// not one, an unknown whistle class or handling mode). What the node checks (title length, category, grid) is left
/// to the node, so the rejected-rows report carries the node's own status and message.
/// </summary>
internal static class CaseRow
{
    /// <summary>Evidence references in one field are separated by this.</summary>
    public const char EvidenceSeparator = '|';

    private static readonly Dictionary<string, WhistleClass> Whistles = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = WhistleClass.Daily, ["daily"] = WhistleClass.Daily, ["tough"] = WhistleClass.Tough, ["emergency"] = WhistleClass.Emergency,
    };

    private static readonly Dictionary<string, HandlingMode> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = HandlingMode.Split, ["split"] = HandlingMode.Split, ["immediate"] = HandlingMode.Immediate, ["fast"] = HandlingMode.Fast,
        ["joint"] = HandlingMode.Joint, ["leader"] = HandlingMode.Leader,
    };

    public static (ReportCaseRequest? Request, string? Error) Parse(CsvRecord record, CaseColumns columns)
    {
        if (record.Error is { } unreadable)
        {
            return (null, unreadable);
        }

        if (record.Fields.Count != columns.Count)
        {
            return (null, $"{record.Fields.Count} columns where the header has {columns.Count}");
        }

        string Field(string column) => columns.Get(record.Fields, column);
        if (!TryCoordinate(Field(CaseColumns.Latitude), out var latitude) || !TryCoordinate(Field(CaseColumns.Longitude), out var longitude))
        {
            return (null, $"lat '{Field(CaseColumns.Latitude)}' and lon '{Field(CaseColumns.Longitude)}' must be decimal numbers such as 39.9042");
        }

        if (!Whistles.TryGetValue(Field(CaseColumns.Whistle), out var whistle))
        {
            return (null, $"whistle '{Field(CaseColumns.Whistle)}' is not daily, tough or emergency");
        }

        if (!Modes.TryGetValue(Field(CaseColumns.Mode), out var mode))
        {
            return (null, $"mode '{Field(CaseColumns.Mode)}' is not split, immediate, fast, joint or leader");
        }

        var request = new ReportCaseRequest
        {
            Title = Field(CaseColumns.Title),
            Description = Field(CaseColumns.Description),
            CategoryCode = Field(CaseColumns.Category),
            GridId = Field(CaseColumns.Grid),
            Location = new Location { Latitude = latitude, Longitude = longitude, Address = Field(CaseColumns.Address) },
            Whistle = whistle,
            HandlingMode = mode,
        };
        request.EvidenceRefs.AddRange(Field(CaseColumns.Evidence).Split(EvidenceSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return (request, null);
    }

    /// <summary>
    /// The request id of a row: a hash of the batch, the report's content and how many identical rows came before it
    /// in the file. The same file (or the same rows, in any order, with rows added) imports to the same ids, so a
    /// second run, or one after an interruption, creates nothing twice.
    /// </summary>
    public static string RequestId(string batch, ReportCaseRequest report, int occurrence)
    {
        var content = report.Clone();
        content.RequestId = "";
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{batch}\n{occurrence}\n{content}"));
        return "import-" + Convert.ToHexStringLower(bytes, 0, 20);
    }

    private static bool TryCoordinate(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
