namespace Dispatch.Fuzzing;

/// <summary>
/// Makes case number N of a run from the run's seed alone (given the same vocabulary): any case a report names can
/// be made again. Every RPC of the catalogue is drawn equally often.
/// </summary>
public sealed class FuzzCaseFactory(int seed, IReadOnlyList<FuzzRpc> rpcs, FuzzVocabulary vocabulary, IReadOnlyList<FuzzCredential> credentials, DateTimeOffset now)
{
    private static readonly (FuzzKind Kind, int Weight)[] Shares =
    [
        (FuzzKind.Plausible, 22), (FuzzKind.Hostile, 22), (FuzzKind.Mutated, 24), (FuzzKind.Random, 8),
        (FuzzKind.Framing, 14), (FuzzKind.Headers, 5), (FuzzKind.Http2, 5),
    ];

    private readonly FuzzCredential[] _users = [.. credentials.Where(c => c.Valid && !c.Node)];
    private readonly FuzzCredential[] _nodes = [.. credentials.Where(c => c.Valid && c.Node)];
    private readonly FuzzCredential[] _invalid = [.. credentials.Where(c => !c.Valid)];

    public FuzzCase Create(long number)
    {
        var random = new Random(unchecked((int)((seed * 1_000_003L) ^ (number * 2_654_435_761L))));
        var rpc = rpcs[random.Next(rpcs.Count)];
        var kind = PickKind(random);
        var credential = PickCredential(random, rpc);
        var forge = new MessageForge(vocabulary, random, now);
        var message = forge.Write(rpc.Input, hostile: kind == FuzzKind.Hostile);
        FuzzRequest Grpc(byte[] payload) => new(rpc.Path, FuzzRequest.Frame(payload), GrpcHeaders.ContentType, GrpcHeaders.For(credential));
        switch (kind)
        {
            case FuzzKind.Plausible:
                return new FuzzCase(number, kind, "a plausible message", rpc, credential, Grpc(message), null);
            case FuzzKind.Hostile:
                return new FuzzCase(number, kind, "hostile field values", rpc, credential, Grpc(message), null);
            case FuzzKind.Mutated:
                var (mutated, how) = new WireMutator(random).Mutate(message, rpc.Input);
                return new FuzzCase(number, kind, how, rpc, credential, Grpc(mutated), null);
            case FuzzKind.Random:
                var bytes = new byte[random.Next(0, random.Next(2) == 0 ? 64 : 20_000)];
                random.NextBytes(bytes);
                return new FuzzCase(number, kind, $"{bytes.Length} random bytes", rpc, credential, Grpc(bytes), null);
            case FuzzKind.Framing:
                var (framed, framing) = FramingAbuse.Build(random, rpc.Path, message, credential);
                return new FuzzCase(number, kind, framing, rpc, credential, framed, null);
            case FuzzKind.Headers:
                var (flooded, flood) = HeaderFlood.Build(random, rpc.Path, message, credential);
                return new FuzzCase(number, kind, flood, rpc, credential, flooded, null);
            default:
                var (raw, abuse) = Http2Abuse.Build(random, rpc.Path, message, credential);
                return new FuzzCase(number, kind, abuse, rpc, credential, null, raw);
        }
    }

    private static FuzzKind PickKind(Random random)
    {
        var roll = random.Next(Shares.Sum(s => s.Weight));
        foreach (var (kind, weight) in Shares)
        {
            if (roll < weight)
            {
                return kind;
            }

            roll -= weight;
        }

        return FuzzKind.Plausible;
    }

    private FuzzCredential PickCredential(Random random, FuzzRpc rpc)
    {
        var roll = random.Next(100);
        var pool = rpc.NodeToNode
            ? roll < 50 ? _nodes : roll < 75 ? _users : _invalid
            : roll < 70 ? _users : roll < 75 ? _nodes : _invalid;
        pool = pool.Length > 0 ? pool : _users.Length > 0 ? _users : _invalid;
        return pool[random.Next(pool.Length)];
    }
}
