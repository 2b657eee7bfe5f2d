namespace Grpc.Core;

/// <summary>Carries a parent call's deadline and cancellation into a child call. No implementation ships yet.</summary>
public abstract class ContextPropagationToken
{
    internal ContextPropagationToken()
    {
    }
}
