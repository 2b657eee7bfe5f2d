using System.Diagnostics.CodeAnalysis;

namespace Grpc.Core;

/// <summary>Put by generated code on a service base class: names the static method that binds its methods.</summary>
[AttributeUsage(AttributeTargets.Class)]
public class BindServiceMethodAttribute : Attribute
{
    private const DynamicallyAccessedMemberTypes BindMethodFinder =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    public BindServiceMethodAttribute([DynamicallyAccessedMembers(BindMethodFinder)] Type bindType, string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    [DynamicallyAccessedMembers(BindMethodFinder)]
    public Type BindType { get; }

    public string BindMethodName { get; }
}
