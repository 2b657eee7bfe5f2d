namespace Dispatch.Cli.Texts;

/// <summary>Texts of the case commands: their help, table headings and result lines.</summary>
internal static class CaseTexts
{
    public static readonly Text CaseArgument = new("Case id or number (C-yyyyMMdd-...; at a parent tier also the child's number)", "案件 ID 或编号（C-yyyyMMdd-...；上级节点也可用下级的编号）");
    public static readonly Text NoteOption = new("A note for the history", "写入历史的备注");
    public static readonly Text ReasonOption = new("Why (required)", "原因（必填）");

    public static readonly Text ReportDescription = new("Report a case (grid workers); --fixed when you fixed it on the spot", "上报案件（网格员）；当场处置完毕时加 --fixed");
    public static readonly Text TitleOption = new("Short title, 1-200 characters", "标题，1-200 字");
    public static readonly Text DescriptionOption = new("What is wrong, in detail", "问题描述");
    public static readonly Text CategoryOption = new("Category code of the node's catalogue, e.g. 0201", "分类代码，如 0201");
    public static readonly Text GridOption = new("15-digit grid id", "15 位网格编码");
    public static readonly Text LatOption = new("Latitude", "纬度");
    public static readonly Text LonOption = new("Longitude", "经度");
    public static readonly Text PlaceOption = new("Address text", "地址");
    public static readonly Text WhistleOption = new("Urgency: Daily, Tough or Emergency", "紧急程度：Daily（日常）、Tough（疑难）或 Emergency（紧急）");
    public static readonly Text ModeOption = new("Handling mode: Fast, Split, Joint or Leader", "处置方式：Fast、Split、Joint 或 Leader");
    public static readonly Text FixedOption = new("Fixed on the spot by you (handling mode Immediate): the case starts Resolved, someone else verifies", "已当场处置（处置方式 Immediate）：案件直接为已处置，由他人核查");
    public static readonly Text EvidenceOption = new("Photo or evidence reference (URL or sha256:<hex>); repeat for several", "照片或证据引用（URL 或 sha256:<hex>）；可重复");
    public static readonly Text RequestIdOption = new("Reuse to retry safely (a retry returns the first case); new by default", "重试时复用，可安全重试（返回首次创建的案件）；默认新生成");
    public static readonly Text FixedAndMode = new("--fixed and --mode cannot be used together.", "--fixed 与 --mode 不能同时使用。");
    public static readonly Text ReportCreated = new("reported:", "已上报：");
    public static readonly Text ReportRetried = new("already reported with this --request-id:", "此 --request-id 已上报过：");
    public static readonly Text PossibleDuplicate = new("possible duplicate:", "可能重复：");

    public static readonly Text ListDescription = new("List the cases in your scope, newest first", "列出权限范围内的案件，最新的在前");
    public static readonly Text MineDescription = new(
        "What concerns you: your reports (grid worker), your department's or your own assignments (handlers)",
        "与我相关：我上报的案件（网格员），本部门或派给我的案件（处置人员）");
    public static readonly Text MineOpenOption = new("Open cases only (not closed, rejected or merged)", "仅未办结的案件（不含已结案、不予受理和已合并）");
    public static readonly Text QueueDescription = new("A dispatcher's open work: reported cases to accept and accepted ones to assign, earliest deadline first", "调度员待办：待受理和待派遣的案件，按期限先后");
    public static readonly Text StatusOption = new("Only these statuses (repeat or list several)", "仅限这些状态（可重复或列出多个）");
    public static readonly Text TextOption = new("Text in the title or number", "标题或编号中的文字");
    public static readonly Text OverdueOption = new("Overdue cases only", "仅超期案件");
    public static readonly Text DepartmentFilterOption = new("Assigned to this department (id)", "派给此部门（ID）");
    public static readonly Text WorkerFilterOption = new("Assigned to this worker (user id)", "派给此人员（用户 ID）");
    public static readonly Text OrderOption = new("Order: reported (newest first) or due (earliest deadline first)", "排序：reported（最新上报在前）或 due（期限最早在前）");
    public static readonly Text NoCases = new("no cases", "没有案件");

    public static readonly Text NumberHeader = new("NUMBER", "编号");
    public static readonly Text StatusHeader = new("STATUS", "状态");
    public static readonly Text GridHeader = new("GRID", "网格");
    public static readonly Text CategoryHeader = new("CATEGORY", "分类");
    public static readonly Text WhistleHeader = new("WHISTLE", "紧急度");
    public static readonly Text DueHeader = new("DUE", "期限");
    public static readonly Text TitleHeader = new("TITLE", "标题");
    public static readonly Text OriginHeader = new("ORIGIN", "来源");
    public static readonly Text OverdueMark = new("OVERDUE", "超期");

    public static readonly Text ShowDescription = new("A case with its timeline", "查看案件及其时间线");
    public static readonly Text StatusLabel = new("status", "状态");
    public static readonly Text IdLabel = new("id", "ID");
    public static readonly Text WhereLabel = new("where", "位置");
    public static readonly Text ClassLabel = new("class", "类别");
    public static readonly Text ReporterLabel = new("reporter", "上报人");
    public static readonly Text AssigneeLabel = new("assignee", "承办");
    public static readonly Text DueLabel = new("due", "期限");
    public static readonly Text SuggestedLabel = new("suggested", "建议派遣");
    public static readonly Text SuggestedValue = new("department {0} (routing rules, at accept)", "部门 {0}（分类派单规则，受理时）");
    public static readonly Text EscalatedToLabel = new("escalated", "已上报上级");
    public static readonly Text EscalatedToValue = new("to {0}, parent case {1}: {2}", "至 {0}，上级案件 {1}：{2}");
    public static readonly Text OriginLabel = new("origin", "来源");
    public static readonly Text OriginValue = new("{0}, case {1}", "{0}，案件 {1}");
    public static readonly Text MergedLabel = new("merged into", "已合并至");
    public static readonly Text EvidenceLabel = new("evidence", "证据");
    public static readonly Text RatingLabel = new("rating", "满意度");
    public static readonly Text SupervisionLabel = new("supervision", "督办");
    public static readonly Text SupervisionValue = new("due {0}{1}", "期限 {0}{1}");
    public static readonly Text TimelineTitle = new("Timeline:", "时间线：");
    public static readonly Text TimeHeader = new("TIME", "时间");
    public static readonly Text EventHeader = new("EVENT", "事件");
    public static readonly Text ChangeHeader = new("STATUS", "状态变化");
    public static readonly Text ActorHeader = new("BY", "操作人");
    public static readonly Text NoteHeader = new("NOTE", "备注");

    public static readonly Text WatchDescription = new("Follow case events as they happen (Ctrl+C to stop)", "实时跟踪案件事件（Ctrl+C 结束）");
    public static readonly Text FromOption = new("Resume after this sequence number", "从此序号之后继续");

    public static readonly Text AcceptDescription = new("Accept a reported case (dispatcher)", "受理已上报的案件（调度员）");
    public static readonly Text RejectDescription = new("Reject a reported case (dispatcher)", "不予受理（调度员）");
    public static readonly Text AssignDescription = new("Assign to a department or a worker (dispatcher)", "派遣给部门或人员（调度员）");
    public static readonly Text DepartmentOption = new("Department id", "部门 ID");
    public static readonly Text WorkerOption = new("Worker's user id", "人员的用户 ID");
    public static readonly Text AssigneeMissing = new("give --department or --worker (one of them).", "请给出 --department 或 --worker（二选一）。");
    public static readonly Text StartDescription = new("Start handling (the assigned department or worker)", "开始处置（承办部门或人员）");
    public static readonly Text ResolveDescription = new("Resolve with a note (required) and evidence", "处置完毕，附备注（必填）和证据");
    public static readonly Text VerifyDescription = new("Verify on site: passes and closes, or --fail returns it for rework", "现场核查：通过即结案，--fail 退回重办");
    public static readonly Text FailOption = new("Verification failed: return for rework", "核查不通过：退回重办");
    public static readonly Text DeferDescription = new("Put a case on hold until a time (its deadline clock pauses)", "缓办至某时（期限计时暂停）");
    public static readonly Text UntilOption = new("Until when, e.g. 2026-12-01T09:00+08:00", "缓办至何时，如 2026-12-01T09:00+08:00");
    public static readonly Text ResumeDescription = new("Resume a deferred case", "恢复办理缓办案件");
    public static readonly Text EscalateDescription = new("Send the case to the parent node, which then owns it (dispatcher)", "上报上级节点，由上级承办（调度员）");
    public static readonly Text HandBackDescription = new("Return an escalated case to the child node that sent it (dispatcher)", "将上报的案件退回下级节点（调度员）");
    public static readonly Text MergeDescription = new("Merge a duplicate into the case it duplicates (dispatcher)", "将重复案件合并到原案件（调度员）");
    public static readonly Text IntoOption = new("The original case (id or number)", "原案件（ID 或编号）");
    public static readonly Text ReopenDescription = new("Reopen a closed case", "重新打开已结案件");
    public static readonly Text RateDescription = new("Rate a closed case, 1-5 (reporter)", "评价已结案件，1-5 分（上报人）");
    public static readonly Text ScoreOption = new("Satisfaction 1-5", "满意度 1-5");
    public static readonly Text CommentOption = new("A comment", "评语");
}
