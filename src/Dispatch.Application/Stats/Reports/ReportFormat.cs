namespace Dispatch.Application.Stats.Reports;

public enum ReportFormat
{
    Csv = 1,
    Html = 2,
}
