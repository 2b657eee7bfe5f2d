using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Application.Escalation;

/// <summary>A stable actor id for changes a node makes on another node's behalf (history shows who).</summary>
internal static class NodeActors
{
    public static Guid For(string nodeId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("dispatch-node:" + nodeId));
        return new Guid(hash.AsSpan(0, 16));
    }
}
