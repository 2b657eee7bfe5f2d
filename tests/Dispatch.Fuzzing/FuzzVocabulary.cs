namespace Dispatch.Fuzzing;

/// <summary>
/// Real values of the node under test (case, grid, department and user ids, user names, category codes, node ids),
/// so that some generated messages get past validation into the use cases. Picked by the field's name; a field
/// no rule knows gets a value of its type.
/// </summary>
public sealed class FuzzVocabulary
{
    public IReadOnlyList<string> CaseIds { get; init; } = [];

    public IReadOnlyList<string> GridIds { get; init; } = [];

    public IReadOnlyList<string> DepartmentIds { get; init; } = [];

    public IReadOnlyList<string> UserIds { get; init; } = [];

    public IReadOnlyList<string> UserNames { get; init; } = [];

    public IReadOnlyList<string> NodeIds { get; init; } = [];

    public IReadOnlyList<string> CategoryCodes { get; init; } = ["0201", "02", "0301", "03", "0205", "0101", "0999"];

    public string Password { get; init; } = "";

    /// <summary>A plausible value for a string field named <paramref name="field"/>, or null when no rule knows the name.</summary>
    public string? PickString(string field, Random random)
    {
        string? From(IReadOnlyList<string> values) => values.Count == 0 ? null : values[random.Next(values.Count)];
        return field switch
        {
            _ when field.EndsWith("case_id", StringComparison.Ordinal) => From(CaseIds),
            _ when field.Contains("grid", StringComparison.Ordinal) => From(GridIds),
            _ when field.Contains("department", StringComparison.Ordinal) => From(DepartmentIds),
            _ when field.Contains("category", StringComparison.Ordinal) => From(CategoryCodes),
            _ when field.Contains("node", StringComparison.Ordinal) => From(NodeIds),
            "user_name" => From(UserNames),
            "password" => random.Next(2) == 0 ? Password : "wrong-" + Password,
            "request_id" or "origin_request_id" => $"fuzz-{random.NextInt64():x16}",
            _ when field.EndsWith("user_id", StringComparison.Ordinal) || field.EndsWith("worker_id", StringComparison.Ordinal) => From(UserIds),
            "id" => From([.. UserIds, .. DepartmentIds, .. CaseIds, .. GridIds]),
            _ when field.Contains("number", StringComparison.Ordinal) => $"C-20261124-{random.Next(100):00000000}",
            _ when field.Contains("ref", StringComparison.Ordinal) => $"https://photos.example/{random.Next(1000)}.jpg",
            _ when field.Contains("date", StringComparison.Ordinal) => $"2026-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
            _ => null,
        };
    }

    /// <summary>A plausible value for an integer field named <paramref name="field"/>.</summary>
    public static long PickInteger(string field, Random random) => field switch
    {
        _ when field.Contains("version", StringComparison.Ordinal) => random.Next(0, 8),
        _ when field.Contains("page_size", StringComparison.Ordinal) => random.Next(0, 60),
        _ when field.Contains("sequence", StringComparison.Ordinal) => random.Next(0, 200),
        "satisfaction" => random.Next(0, 7),
        "year" => random.Next(2020, 2030),
        "month" => random.Next(0, 14),
        _ => random.Next(-2, 30),
    };
}
