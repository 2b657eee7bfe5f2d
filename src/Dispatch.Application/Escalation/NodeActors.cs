using System.Security.Cryptography;
using System.Text;
using Dispatch.Application.Cases;
using Dispatch.Application.Deadlines;
using Dispatch.Application.Errors;
using Dispatch.Application.Feed;
using Dispatch.Application.Security;
using Dispatch.Application.Stats;
using Dispatch.Application.Supervision;
using Dispatch.Application.Writing;

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
