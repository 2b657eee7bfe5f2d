namespace Dispatch.Fuzzing;

/// <summary>What a case sends as <c>authorization</c>: a real token of some role, a node's credential, or garbage (none, forged, doubled).</summary>
public sealed record FuzzCredential(string Name, IReadOnlyList<string> AuthorizationValues, bool Valid, bool Node = false)
{
    public static FuzzCredential Bearer(string name, string token, bool node = false) => new(name, ["Bearer " + token], true, node);

    /// <summary>Credentials no node may accept, some made from a real token.</summary>
    public static IReadOnlyList<FuzzCredential> Invalid(string realToken) =>
    [
        new("none", [], false),
        new("empty", [""], false),
        new("bearer-garbage", ["Bearer not.a.token"], false),
        new("bearer-empty", ["Bearer "], false),
        new("basic", ["Basic YWRtaW46ZGlzcGF0Y2gtZGVtbw=="], false),
        new("signature-cut", ["Bearer " + realToken[..(realToken.LastIndexOf('.') + 1)]], false),
        new("signature-flipped", ["Bearer " + Flip(realToken)], false),
        new("alg-none", ["Bearer " + string.Join('.', realToken.Split('.')[..2]) + "."], false),
        new("huge", ["Bearer " + new string('A', 200_000)], false),
    ];

    private static string Flip(string token)
    {
        var last = token[^2] == 'A' ? 'B' : 'A';
        return token[..^2] + last + token[^1];
    }
}
