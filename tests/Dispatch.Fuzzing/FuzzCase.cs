namespace Dispatch.Fuzzing;

/// <summary>
/// One generated case: what it aims at and how, and either a request for the gRPC port or, for raw HTTP/2
/// abuse, the bytes to write on a connection of its own. <see cref="Number"/> and the run's seed reproduce it.
/// </summary>
public sealed record FuzzCase(long Number, FuzzKind Kind, string How, FuzzRpc Rpc, FuzzCredential Credential, FuzzRequest? Request, byte[]? RawConnection)
{
    public string Describe() => $"#{Number} {Kind} {Rpc.Name} as {Credential.Name}: {How}";
}
