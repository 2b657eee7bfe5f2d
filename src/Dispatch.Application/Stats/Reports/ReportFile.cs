namespace Dispatch.Application.Stats.Reports;

/// <summary>A rendered report: its bytes, their media type, a file name to save them under, and the period covered.</summary>
internal sealed record ReportFile(byte[] Content, string ContentType, string FileName, DateTimeOffset From, DateTimeOffset To);
