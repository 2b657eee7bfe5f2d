using Dispatch.Application.Errors;
using Dispatch.Application.Open311;

namespace Dispatch.Node.Open311;

/// <summary>GET requests' query: service_request_id (a comma list), service_code, start_date, end_date, status (open, closed, or both).</summary>
internal static class Open311Filters
{
    public static ServiceRequestQuery Read(IQueryCollection query)
    {
        var numbers = query["service_request_id"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ServiceRequestQuery(
            numbers,
            Open311Input.Text("service_code", query["service_code"], 200),
            Open311Input.Time("start_date", query["start_date"]),
            Open311Input.Time("end_date", query["end_date"]),
            Status(query["status"].ToString()));
    }

    private static bool? Status(string value)
    {
        var words = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        if (words.Any(w => w is not (Open311Status.Open or Open311Status.Closed)))
        {
            throw new InvalidRequestException("status", $"{Domain.Common.ClientValue.Quote(value)} is not open, closed or both (comma-separated).");
        }

        return words.Count == 1 ? words[0] == Open311Status.Open : null;
    }
}
