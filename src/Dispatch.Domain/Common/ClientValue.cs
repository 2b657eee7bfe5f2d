namespace Dispatch.Domain.Common;

/// <summary>
/// A value a client sent, as an error message quotes it: cut to <see cref="MaxQuotedLength"/> characters, so a
/// hostile or broken client's megabyte of text never comes back whole in a reply's headers.
/// </summary>
public static class ClientValue
{
    public const int MaxQuotedLength = 64;

    /// <summary>The value in single quotes, its first <see cref="MaxQuotedLength"/> characters and '…' when longer.</summary>
    public static string Quote(string? value)
    {
        var text = value ?? "";
        return text.Length <= MaxQuotedLength ? $"'{text}'" : $"'{text[..MaxQuotedLength]}…'";
    }
}
