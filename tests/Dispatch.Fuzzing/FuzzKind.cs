namespace Dispatch.Fuzzing;

/// <summary>The families of cases, each a share of every run.</summary>
public enum FuzzKind
{
    /// <summary>A well-formed message with the node's own ids and sane values: some of these succeed.</summary>
    Plausible,

    /// <summary>Well-formed on the wire, hostile in content: huge or non-UTF-8 strings, extreme numbers, undefined enums, bad timestamps.</summary>
    Hostile,

    /// <summary>An encoded message broken on the wire.</summary>
    Mutated,

    /// <summary>Random bytes as the message.</summary>
    Random,

    /// <summary>gRPC framing and HTTP request abuse: length prefixes, compression flags, content types, timeouts, paths.</summary>
    Framing,

    /// <summary>Header floods: many headers, huge headers.</summary>
    Headers,

    /// <summary>Raw HTTP/2 on its own connection: truncated and illegal frames, floods, streams opened and reset.</summary>
    Http2,
}
