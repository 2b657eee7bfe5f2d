using System.Buffers.Text;
using Grpc.Core;

namespace Grpc.Internal;

/// <summary>Conversion between call metadata and HTTP header values (binary values as base64).</summary>
internal static class MetadataHeaders
{
    /// <summary>The header value of an entry: binary entries as unpadded base64.</summary>
    public static string ToHeaderValue(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytesNoCopy).TrimEnd('=') : entry.Value;

    /// <summary>
    /// Adds one received header to metadata. A binary header may carry several comma-joined values,
    /// padded or not; each becomes its own entry. Values that are not valid metadata are skipped
    /// rather than failing the whole call.
    /// </summary>
    public static void Add(Metadata metadata, string name, string value)
    {
        try
        {
            if (Metadata.Entry.IsBinaryKey(name))
            {
                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
                {
                    metadata.Add(name, DecodeBase64(part));
                }
            }
            else
            {
                metadata.Add(name, value);
            }
        }
        catch (ArgumentException)
        {
        }
        catch (FormatException)
        {
        }
    }

    private static byte[] DecodeBase64(string value)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        return Convert.FromBase64String(padded);
    }
}
