using Dispatch.Domain.Common;
using Dispatch.Domain.Common.Rules;

namespace Dispatch.Domain.Directory;

/// <summary>A handling unit registered at the node (sanitation, safety, law enforcement team, ...).</summary>
public sealed class Department
{
#pragma warning disable CS8618 // EF Core materialises departments through this constructor and sets every property.
    private Department()
    {
    }
#pragma warning restore CS8618

    public Department(Guid id, string code, string name)
    {
        Check.Input(new IdIsRequired("id", id));
        Validate(code, name);
        Id = id;
        Code = code;
        Name = name;
    }

    public Guid Id { get; private set; }

    /// <summary>Short unique code, e.g. <c>SANITATION</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public void Update(string code, string name)
    {
        Validate(code, name);
        Code = code;
        Name = name;
    }

    private static void Validate(string code, string name)
    {
        Check.RequiredText("code", code, DirectoryLimits.DepartmentCodeMaxLength);
        Check.RequiredText("name", name, DirectoryLimits.NameMaxLength);
    }
}
