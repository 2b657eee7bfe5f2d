namespace Dispatch.Domain.Directory;

/// <summary>Size limits on directory input; the public contract documents the same numbers.</summary>
public static class DirectoryLimits
{
    public const int NameMaxLength = 100;
    public const int DepartmentCodeMaxLength = 32;
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 100;
    public const int PasswordHashMaxLength = 1_024;
}
