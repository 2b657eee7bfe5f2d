namespace Dispatch.Fuzzing;

/// <summary>The headers of a well-formed gRPC call, with the credential's <c>authorization</c> values.</summary>
internal static class GrpcHeaders
{
    public const string ContentType = "application/grpc";

    public static List<KeyValuePair<string, string>> For(FuzzCredential credential) =>
        [new("te", "trailers"), .. credential.AuthorizationValues.Select(value => new KeyValuePair<string, string>("authorization", value))];
}
