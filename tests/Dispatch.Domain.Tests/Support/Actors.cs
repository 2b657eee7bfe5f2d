namespace Dispatch.Domain.Tests.Support;

/// <summary>The people (and one department) the tests act as; fixed ids so failures are readable.</summary>
internal static class Actors
{
    public static readonly Guid Reporter = new("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Dispatcher = new("00000000-0000-0000-0000-0000000000a2");
    public static readonly Guid Worker = new("00000000-0000-0000-0000-0000000000a3");
    public static readonly Guid OtherWorker = new("00000000-0000-0000-0000-0000000000a4");
    public static readonly Guid Verifier = new("00000000-0000-0000-0000-0000000000a5");
    public static readonly Guid SanitationDepartment = new("00000000-0000-0000-0000-0000000000d1");
    public static readonly Guid SafetyDepartment = new("00000000-0000-0000-0000-0000000000d2");
}
