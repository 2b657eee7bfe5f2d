using System.Globalization;
using Dispatch.Application.Errors;
using Dispatch.Domain.Cases;

namespace Dispatch.Node.Dashboard.Pages;

/// <summary>
/// The inputs of a case action's form, read as the API reads its fields; what they must say (a required reason, a
/// deferral in the future) is the use case's to decide.
/// </summary>
public sealed class ActionForm
{
    public const string LocalFormat = "yyyy-MM-ddTHH:mm";

    public string Note { get; set; } = "";

    public string? NoteOrNull => string.IsNullOrWhiteSpace(Note) ? null : Note;

    /// <summary>One evidence reference per line.</summary>
    public string Evidence { get; set; } = "";

    /// <summary>"dept:{id}" or "worker:{id}".</summary>
    public string AssignTo { get; set; } = "";

    /// <summary>A datetime-local value in the node's zone.</summary>
    public string Until { get; set; } = "";

    /// <summary>The original's case number or id.</summary>
    public string Original { get; set; } = "";

    public int Rating { get; set; } = 5;

    public HashSet<Guid> Departments { get; } = [];

    public IReadOnlyList<string> EvidenceRefs => Lines(Evidence);

    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public Assignee ParseAssignee()
    {
        var parts = AssignTo.Split(':', 2);
        return parts.Length == 2 && Guid.TryParse(parts[1], out var id) && parts[0] is "dept" or "worker"
            ? parts[0] == "dept" ? Assignee.Department(id) : Assignee.Worker(id)
            : throw new InvalidRequestException("assignee", "choose a department or a grid worker.");
    }

    public DateTimeOffset ParseUntil(TimeZoneInfo zone) =>
        DateTime.TryParseExact(Until, [LocalFormat, LocalFormat + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero)
            : throw new InvalidRequestException("until", "choose the date and time the case resumes.");
}
