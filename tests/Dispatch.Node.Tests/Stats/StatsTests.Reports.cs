using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dispatch.Contracts.V1;
using Dispatch.Node.Seeding;
using Dispatch.Node.Tests.Infrastructure;

namespace Dispatch.Node.Tests.Stats;

/// <summary>The daily / weekly / monthly reports, as CSV and as a self-contained HTML page.</summary>
public abstract partial class StatsTests
{
    [Fact]
    public async Task GetReport_DailyCsv_HeaderTotalsAndOneLinePerUnit()
    {
        await BuildHistoriesAsync();

        // The day of From (00:00 to 24:00 UTC) holds everything but D's rating, E's rework and L (next day).
        var report = await (await StatsAs("supervisor")).GetReportAsync(new GetReportRequest { Kind = ReportKind.Daily, Date = "2026-11-24", Format = ReportFormat.Csv });
        Assert.Equal("text/csv; charset=utf-8", report.ContentType);
        Assert.Equal("dispatch-daily-2026-11-24.csv", report.FileName);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), report.From.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), report.To.ToDateTimeOffset());

        var lines = report.Content.ToStringUtf8().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["unit_kind", "unit_id", "unit_name", "reported", "registered", "registered_closed", "close_rate"], header[..7]);
        var rows = lines.Skip(1).Select(l => header.Zip(ParseCsvLine(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Count));
        Assert.Equal(["NODE", "DEPARTMENT", "GRID"], rows.Select(r => r["unit_kind"]));

        var node = rows[0];
        Assert.Equal("test-node", node["unit_id"]);
        Assert.Equal("Test node", node["unit_name"]);
        Assert.Equal("7", node["reported"]);           // X (08:59:59) and A-E, R
        Assert.Equal("6", node["registered"]);
        var department = rows[1];
        Assert.Equal(DemoDirectory.SanitationId.ToString(), department["unit_id"]);
        Assert.Equal("6", department["reported"]);
        Assert.Equal("4", department["registered_closed"]);   // A, B, D, X
        Assert.Equal("0.6667", department["close_rate"]);
        Assert.Equal("0.6667", department["on_time_close_rate"]);
        Assert.Equal("2", department["rework_count"]);         // X (08:59:59) and D
        Assert.Equal("3.0000", department["mean_satisfaction"]);
        Assert.Equal(Grid1, rows[2]["unit_id"]);
        Assert.Equal((((2 + 6 + 4 + 2) * 3600) + 1) / 4.0, double.Parse(department["mean_time_to_close_seconds"], CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public async Task GetReport_WeeklyAndMonthly_PeriodHoldsTheDate()
    {
        var stats = await StatsAs("admin");
        var weekly = await stats.GetReportAsync(new GetReportRequest { Kind = ReportKind.Weekly, Date = "2026-11-26", Format = ReportFormat.Csv });
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), weekly.From.ToDateTimeOffset());  // Monday
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), weekly.To.ToDateTimeOffset());
        Assert.Equal("dispatch-weekly-2026-11-23.csv", weekly.FileName);
        var monthly = await stats.GetReportAsync(new GetReportRequest { Kind = ReportKind.Monthly, Date = "2026-02-14", Format = ReportFormat.Html });
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), monthly.From.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), monthly.To.ToDateTimeOffset());
        Assert.Equal("dispatch-monthly-2026-02-01.html", monthly.FileName);
        Assert.Contains(">02-28<", monthly.Content.ToStringUtf8());
    }

    [Fact]
    public async Task GetReport_Html_SelfContainedEscapedWithCharts()
    {
        await BuildHistoriesAsync();
        var directory = new DirectoryService.DirectoryServiceClient(Node.Channel.CreateCallInvoker().WithToken(await Node.LoginAsync("admin")));
        var departments = (await directory.ListDepartmentsAsync(new ListDepartmentsRequest())).Departments;
        var sanitation = departments.Single(d => d.Id == DemoDirectory.SanitationId.ToString());
        sanitation.Name = "<script>alert('x')</script> & Sons";
        await directory.UpsertDepartmentAsync(new UpsertDepartmentRequest { Department = sanitation });

        var report = await (await StatsAs("dispatcher")).GetReportAsync(new GetReportRequest { Kind = ReportKind.Weekly, Date = "2026-11-24", Format = ReportFormat.Html });
        Assert.Equal("text/html; charset=utf-8", report.ContentType);
        var html = Encoding.UTF8.GetString(report.Content.ToByteArray());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.EndsWith("</html>", html);
        Assert.Contains("Test node", html);
        Assert.Contains("2026-11-23 to 2026-11-29", html);
        Assert.Contains("周调度", html);
        Assert.Contains("<svg", html);
        Assert.Contains("On-time close rate per department", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html);
        Assert.Equal(Regex.Matches(html, "<svg").Count, Regex.Matches(html, "</svg>").Count);
        Assert.Equal(Regex.Matches(html, "<table").Count, Regex.Matches(html, "</table>").Count);
        Assert.Equal(Regex.Matches(html, "<tr>").Count, Regex.Matches(html, "</tr>").Count);
        Assert.Contains(">11-24<", html);   // the per-day chart's bar of the busy day
    }

    /// <summary>One RFC 4180 line: quoted fields may hold commas and doubled quotes.</summary>
    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
