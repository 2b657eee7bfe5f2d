namespace Dispatch.Cli.Texts;

/// <summary>The texts of import cases.csv.</summary>
internal static class ImportTexts
{
    public static readonly Text ImportDescription = new(
        "Report every row of a CSV file as a case: idempotent per row (a second run creates nothing new) and resumable; rejected rows go to a report file",
        "将 CSV 文件的每一行上报为一个案件：按行幂等（再次运行不会重复创建），可断点续传；被拒绝的行写入报告文件");
    public static readonly Text FileArgument = new(
        "The CSV file: a header (title, category, grid, lat, lon required; description, address, whistle, mode, evidence optional), then one case per row",
        "CSV 文件：首行为表头（必填 title、category、grid、lat、lon；可选 description、address、whistle、mode、evidence），其后每行一个案件");
    public static readonly Text BatchOption = new(
        "Import the same rows again as new cases by giving a new batch name (default: none, so the same row is one case however often it is imported)",
        "使用新的批次名可将相同的行再次作为新案件导入（默认无批次：同一行无论导入多少次都只有一个案件）");
    public static readonly Text ParallelOption = new("Reports in flight at once", "同时进行的上报数");
    public static readonly Text ParallelInvalid = new("--parallel must be from 1 to 16.", "--parallel 须在 1 到 16 之间。");
    public static readonly Text RejectedOption = new("Where to write the rejected rows (default: next to the file, NAME.rejected.csv)", "被拒绝行的报告写到何处（默认：与文件同目录的 NAME.rejected.csv）");

    public static readonly Text CannotRead = new("cannot read {0}: {1}", "无法读取 {0}：{1}");
    public static readonly Text EmptyFile = new("{0} is empty: it needs a header line and one row per case.", "{0} 为空：须有表头行，且每个案件一行。");
    public static readonly Text BadHeader = new("{0}, line 1 (the header): {1}", "{0} 第 1 行（表头）：{1}");
    public static readonly Text CannotWriteReport = new("cannot write the rejected rows to {0}: {1}", "无法将被拒绝的行写入 {0}：{1}");

    public static readonly Text Progress = new(
        "{0}/{1} rows: {2} created, {3} already there, {4} rejected",
        "{0}/{1} 行：新建 {2}，已存在 {3}，拒绝 {4}");
    public static readonly Text Summary = new(
        "{0}: {1} rows; {2} cases created, {3} already there (an earlier run), {4} rejected",
        "{0}：共 {1} 行；新建案件 {2}，已存在（此前导入）{3}，拒绝 {4}");
    public static readonly Text RejectedRow = new("  row {0} (line {1}): {2}: {3}", "  第 {0} 行（文件第 {1} 行）：{2}：{3}");
    public static readonly Text RejectedReport = new("every rejected row, with the reason: {0}", "全部被拒绝的行及原因：{0}");
    public static readonly Text Stopped = new(
        "stopped with {0} of {1} rows not sent; run the same command again to go on (rows already imported are not created twice).",
        "已停止，{1} 行中仍有 {0} 行未发送；再次运行同一命令即可继续（已导入的行不会重复创建）。");
}
