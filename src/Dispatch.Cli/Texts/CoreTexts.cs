namespace Dispatch.Cli.Texts;

/// <summary>The tool's own texts: global options, errors, exit codes, paging and profiles.</summary>
internal static class CoreTexts
{
    public static readonly Text RootDescription = new(
        "dispatch: sign in to a Dispatch node and work cases through the closed loop.",
        "dispatch：登录 Dispatch 节点，按闭环流程办理案件。");

    public static readonly Text HelpOption = new("Show help and usage information", "显示帮助和用法");
    public static readonly Text VersionOption = new("Show version information", "显示版本信息");
    public static readonly Text JsonOption = new(
        "Print the node's responses as protobuf JSON (one document, or one line per page or event)",
        "以 protobuf JSON 输出节点的响应（一个文档；分页或事件流每行一个）");
    public static readonly Text LangOption = new(
        "Language of the output: zh (Simplified Chinese) or en; by default from LANG / LC_ALL",
        "输出语言：zh（简体中文）或 en；默认取自 LANG / LC_ALL");
    public static readonly Text ProfileOption = new(
        "The profile (signed-in node) to use; default $DISPATCH_PROFILE, else the current one",
        "使用的配置（已登录的节点）；默认取 $DISPATCH_PROFILE，否则为当前配置");

    public static readonly Text ErrorPrefix = new("error: {0}", "错误：{0}");
    public static readonly Text SeeHelp = new("Run '{0} --help' for usage.", "运行“{0} --help”查看用法。");
    public static readonly Text Interrupted = new("interrupted.", "已中断。");
    public static readonly Text Unexpected = new("unexpected failure ({0}): {1}", "意外故障（{0}）：{1}");
    public static readonly Text NotSignedIn = new(
        "not signed in (profile '{0}'): run `dispatch login <user> --address <host:port>` first.",
        "尚未登录（配置“{0}”）：请先运行 `dispatch login <用户名> --address <主机:端口>`。");
    public static readonly Text Unavailable = new(
        "cannot reach the node at {0} ({1}). Is it running? Start the local platform with scripts/run.sh.",
        "无法连接节点 {0}（{1}）。节点是否在运行？可用 scripts/run.sh 启动本地平台。");
    public static readonly Text DeadlineExceeded = new("the node at {0} did not answer in time; try again.", "节点 {0} 未能及时响应，请重试。");
    public static readonly Text ResourceExhausted = new("the node is busy or a limit was reached: {0}", "节点繁忙或已达上限：{0}");
    public static readonly Text Unauthenticated = new(
        "not signed in, or the sign-in has expired: run `dispatch login` again. ({0})",
        "未登录或登录已过期：请重新运行 `dispatch login`。（{0}）");
    public static readonly Text PermissionDenied = new("not allowed: {0}", "无权操作：{0}");
    public static readonly Text NotFound = new("not found: {0}", "未找到：{0}");
    public static readonly Text Aborted = new(
        "the case changed since it was read; look at it again (dispatch show) and retry. ({0})",
        "案件在读取后已被他人修改；请重新查看（dispatch show）后再试。（{0}）");
    public static readonly Text AlreadyExists = new("already exists: {0}", "已存在：{0}");
    public static readonly Text FailedPrecondition = new("not possible now: {0}", "当前状态下不能执行：{0}");
    public static readonly Text InvalidArgument = new("invalid input: {0}", "输入无效：{0}");
    public static readonly Text NodeFailed = new("the node failed ({0}): {1}", "节点出错（{0}）：{1}");

    public static readonly Text ExitCodesTitle = new("Exit codes:", "退出码：");
    public static readonly Text ExitOk = new("done", "成功");
    public static readonly Text ExitFailure = new("any other failure", "其他错误");
    public static readonly Text ExitUsage = new("usage or invalid input (bad option, INVALID_ARGUMENT, OUT_OF_RANGE)", "用法或输入错误（选项有误、INVALID_ARGUMENT、OUT_OF_RANGE）");
    public static readonly Text ExitNotSignedIn = new("not signed in, wrong password or expired sign-in (UNAUTHENTICATED)", "未登录、密码错误或登录过期（UNAUTHENTICATED）");
    public static readonly Text ExitPermissionDenied = new("not allowed for your role or grid (PERMISSION_DENIED)", "角色或网格无此权限（PERMISSION_DENIED）");
    public static readonly Text ExitNotFound = new("no such case, order or profile (NOT_FOUND)", "案件、督办单或配置不存在（NOT_FOUND）");
    public static readonly Text ExitConflict = new("conflict: changed meanwhile or not possible in this state (ABORTED, ALREADY_EXISTS, FAILED_PRECONDITION)", "冲突：已被修改或当前状态不允许（ABORTED、ALREADY_EXISTS、FAILED_PRECONDITION）");
    public static readonly Text ExitUnavailable = new("node unreachable or busy (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED)", "节点无法连接或繁忙（UNAVAILABLE、DEADLINE_EXCEEDED、RESOURCE_EXHAUSTED）");
    public static readonly Text ExitInterrupted = new("interrupted with Ctrl+C (watch ends with 0)", "被 Ctrl+C 中断（watch 以 0 结束）");

    public static readonly Text PageSizeOption = new("Items per page", "每页条数");
    public static readonly Text PageSizeInvalid = new("--page-size must be from 1 to 200.", "--page-size 须在 1 到 200 之间。");
    public static readonly Text PageTokenOption = new("Continue from this page (printed after the previous page)", "从此页继续（上一页末尾给出）");
    public static readonly Text AllOption = new("Fetch every page to the end", "获取全部页面直到末尾");
    public static readonly Text NextPage = new("more: {0}", "下一页：{0}");

    public static readonly Text LoginDescription = new(
        "Sign in to a node and keep the session under a profile name (default: the current profile)",
        "登录节点，并以配置名保存会话（默认：当前配置）");
    public static readonly Text LoginUserArgument = new("User name", "用户名");
    public static readonly Text LoginPasswordOption = new("Password; asked for without echo when left out (read from standard input when it is not a terminal)", "密码；省略时不回显地询问（标准输入不是终端时从中读取）");
    public static readonly Text LoginAddressOption = new("The node's gRPC address, e.g. 127.0.0.1:5301 (default: the profile's, else {0})", "节点的 gRPC 地址，如 127.0.0.1:5301（默认：配置中的地址，否则 {0}）");
    public static readonly Text LoginCaOption = new("CA certificate (PEM) to check an https:// node against (default $DISPATCH_CA); makes a bare host:port https://", "用于校验 https:// 节点的 CA 证书（PEM，默认 $DISPATCH_CA）；给出时不带协议的地址按 https:// 处理");
    public static readonly Text PasswordPrompt = new("password: ", "密码：");
    public static readonly Text PasswordMissing = new("no password given: use --password, type it at the prompt, or pipe it in.", "未提供密码：请使用 --password、在提示时输入，或经管道传入。");
    public static readonly Text BadAddress = new(
        "--address '{0}' is not a node address: give host:port (e.g. 127.0.0.1:5301) or http(s)://host:port.",
        "--address“{0}”不是有效的节点地址：请写成 主机:端口（如 127.0.0.1:5301）或 http(s)://主机:端口。");
    public static readonly Text CaFileMissing = new("--ca: no certificate file at {0}.", "--ca：{0} 处没有证书文件。");
    public static readonly Text WrongPassword = new("sign-in refused: wrong user name or password. ({0})", "登录被拒绝：用户名或密码错误。（{0}）");
    public static readonly Text SignedIn = new(
        "signed in as {0} ({1}) at {2}, profile '{3}', until {4}",
        "已登录：{0}（{1}），节点 {2}，配置“{3}”，有效期至 {4}");
    public static readonly Text LogoutDescription = new("Forget the profile's session (its token)", "删除该配置的会话（令牌）");
    public static readonly Text LoggedOut = new("signed out of profile '{0}'", "已退出配置“{0}”");
    public static readonly Text NoSuchProfile = new("no profile named '{0}' (see dispatch profiles)", "没有名为“{0}”的配置（见 dispatch profiles）");
    public static readonly Text ProfilesDescription = new("List the profiles; * marks the current one", "列出所有配置；* 表示当前配置");
    public static readonly Text NoProfiles = new("no profiles yet: sign in with dispatch login", "还没有配置：请用 dispatch login 登录");
    public static readonly Text ProfileHeader = new("PROFILE", "配置");
    public static readonly Text UserHeader = new("USER", "用户");
    public static readonly Text AddressHeader = new("ADDRESS", "地址");
    public static readonly Text ExpiresHeader = new("EXPIRES", "到期");
    public static readonly Text UseDescription = new("Make a profile the current one", "切换当前配置");
    public static readonly Text UseNameArgument = new("Profile name", "配置名");
    public static readonly Text UsingProfile = new("now using profile '{0}'", "当前配置：{0}");
    public static readonly Text OutFileFailed = new("--out: cannot write {0}: {1}", "--out：无法写入 {0}：{1}");
}
