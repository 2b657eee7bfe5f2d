namespace Dispatch.Cli.Texts;

/// <summary>The directory's texts: grids, departments, users, categories, routing rules and their upserts.</summary>
internal static class DirectoryTexts
{
    public static readonly Text GridsDescription = new("List the node's grids", "列出本节点的网格");
    public static readonly Text DepartmentsDescription = new("List the node's departments", "列出本节点的部门");
    public static readonly Text UsersDescription = new("List the node's users (administrators)", "列出本节点的用户（管理员）");
    public static readonly Text CategoriesDescription = new(
        "List the category catalogue, each subcategory under its parent, with the deadline a category sets",
        "列出案件分类目录（子类列在其大类下），以及分类自带的处置时限");
    public static readonly Text RulesDescription = new(
        "List the routing rules: which department a category (in a grid or any) is suggested to (command centre)",
        "列出分类派单规则：某分类（某网格或全部网格）建议派往的部门（指挥中心）");

    public static readonly Text GridDescription = new("Add or rename grids (administrators)", "新增或重命名网格（管理员）");
    public static readonly Text GridSetDescription = new("Add the grid, or rename it when it exists", "新增网格；已存在时重命名");
    public static readonly Text DepartmentDescription = new("Add or change departments (administrators)", "新增或修改部门（管理员）");
    public static readonly Text DepartmentSetDescription = new("Add the department with this code, or rename it when it exists", "新增该代码的部门；已存在时改名");
    public static readonly Text UserDescription = new("Add, change and unlock users (administrators)", "新增、修改、解锁用户（管理员）");
    public static readonly Text UserSetDescription = new(
        "Add the user, or change what is given (the rest stays); a new user's password is asked for when left out",
        "新增用户，或只修改给出的项（其余不变）；新用户省略密码时会询问");
    public static readonly Text UserUnlockDescription = new("Lift the lockout that wrong passwords put on the user", "解除因密码错误次数过多造成的锁定");
    public static readonly Text RuleDescription = new("Set and delete routing rules (administrators)", "设置、删除分类派单规则（管理员）");
    public static readonly Text RuleSetDescription = new("Suggest cases of the category (in the grid, or any grid) to the department", "将该分类（某网格或全部网格）的案件建议派往该部门");
    public static readonly Text RuleDeleteDescription = new("Delete the rule for the category (in the grid, or any grid)", "删除该分类（某网格或全部网格）的规则");

    public static readonly Text GridIdArgument = new("15-digit grid id", "15 位网格编码");
    public static readonly Text NameArgument = new("Name", "名称");
    public static readonly Text DepartmentCodeArgument = new("Department code, e.g. SANITATION", "部门代码，如 SANITATION");
    public static readonly Text UserNameArgument = new("User name", "用户名");
    public static readonly Text CategoryArgument = new("Category code, e.g. 0201 or 02", "分类代码，如 0201 或 02");
    public static readonly Text DepartmentArgument = new("Department code or id", "部门代码或编号");
    public static readonly Text RoleOption = new("Role: GridWorker, DepartmentHandler, Dispatcher, Supervisor or Admin", "角色：GridWorker、DepartmentHandler、Dispatcher、Supervisor 或 Admin");
    public static readonly Text RoleFilterOption = new("Only users of this role", "只列出该角色的用户");
    public static readonly Text DisplayNameOption = new("Name shown to people (default for a new user: the user name)", "显示名称（新用户默认为用户名）");
    public static readonly Text GridsOption = new("The user's grids (grid workers); repeat or separate with commas; replaces the old ones", "用户负责的网格（网格员）；可重复或用逗号分隔；替换原有网格");
    public static readonly Text UserDepartmentOption = new("The user's department (department handlers): code or id; '' for none", "用户所属部门（部门处置人员）：代码或编号；'' 表示无");
    public static readonly Text PasswordOption = new("New password (8 to 256 characters); asked for without echo for a new user when left out", "新密码（8 至 256 个字符）；新用户省略时不回显地询问");
    public static readonly Text RuleGridOption = new("Only cases in this grid (default: any grid)", "仅限该网格的案件（默认：全部网格）");

    public static readonly Text IdHeader = new("ID", "编号");
    public static readonly Text NameHeader = new("NAME", "名称");
    public static readonly Text CodeHeader = new("CODE", "代码");
    public static readonly Text UserHeader = new("USER", "用户");
    public static readonly Text RoleHeader = new("ROLE", "角色");
    public static readonly Text GridsHeader = new("GRIDS", "网格");
    public static readonly Text DepartmentHeader = new("DEPARTMENT", "部门");
    public static readonly Text LockedHeader = new("LOCKED", "锁定");
    public static readonly Text DeadlineHeader = new("DEADLINE", "时限");
    public static readonly Text CategoryHeader = new("CATEGORY", "分类");
    public static readonly Text GridHeader = new("GRID", "网格");
    public static readonly Text Yes = new("yes", "是");
    public static readonly Text AnyGrid = new("any", "全部");
    public static readonly Text ByWhistle = new("by whistle", "按吹哨类别");
    public static readonly Text OnCalendar = new("{0} on {1}", "{0}（按 {1} 日历）");

    public static readonly Text NoGrids = new("no grids yet: add one with dispatch grid set", "还没有网格：用 dispatch grid set 添加");
    public static readonly Text NoDepartments = new("no departments yet: add one with dispatch department set", "还没有部门：用 dispatch department set 添加");
    public static readonly Text NoUsers = new("no users match", "没有符合条件的用户");
    public static readonly Text NoCategories = new("the node's catalogue is empty", "本节点的分类目录为空");
    public static readonly Text NoRules = new("no routing rules yet: add one with dispatch rule set", "还没有派单规则：用 dispatch rule set 添加");

    public static readonly Text GridSaved = new("grid {0} saved: {1}", "网格 {0} 已保存：{1}");
    public static readonly Text DepartmentSaved = new("department {0} saved: {1} (id {2})", "部门 {0} 已保存：{1}（编号 {2}）");
    public static readonly Text UserSaved = new("user {0} saved: {1}, {2}", "用户 {0} 已保存：{1}，{2}");
    public static readonly Text UserUnlocked = new("user {0} unlocked", "用户 {0} 已解锁");
    public static readonly Text RuleSaved = new("routing rule saved: category {0}, {1} -> {2}", "派单规则已保存：分类 {0}，{1} → {2}");
    public static readonly Text RuleDeleted = new("routing rule deleted: category {0}, {1}", "派单规则已删除：分类 {0}，{1}");
    public static readonly Text InGrid = new("grid {0}", "网格 {0}");
    public static readonly Text InAnyGrid = new("any grid", "全部网格");

    public static readonly Text UnknownUser = new("no user named '{0}' (see dispatch users)", "没有名为“{0}”的用户（见 dispatch users）");
    public static readonly Text UnknownDepartment = new("no department with code '{0}' (see dispatch departments)", "没有代码为“{0}”的部门（见 dispatch departments）");
    public static readonly Text RoleRequired = new("a new user needs --role.", "新用户须指定 --role。");
    public static readonly Text NewPasswordPrompt = new("new password for {0}: ", "{0} 的新密码：");
    public static readonly Text RepeatPasswordPrompt = new("repeat it: ", "再输入一次：");
    public static readonly Text PasswordsDiffer = new("the two passwords differ; nothing was changed.", "两次输入的密码不一致；未做任何修改。");
}
