namespace Dispatch.Node.Bench;

/// <summary>
/// A dashboard measurement: the node's web address (<paramref name="Site"/>) and gRPC address, who signs in, and the
/// CSS selectors of the pages' hooks (a queue row carries its case number in <c>data-case</c>).
/// </summary>
internal sealed record DashboardOptions(
    Uri Site,
    Uri Address,
    string User,
    string Password,
    int Rounds,
    int Reports,
    int Dashboards,
    int Browsers,
    TimeSpan Duration,
    int? NodePid,
    int? Rate,
    string RowSelector,
    string DetailSelector);
