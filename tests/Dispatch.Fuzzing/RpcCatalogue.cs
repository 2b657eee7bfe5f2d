using System.Reflection;
using Dispatch.Contracts.V1;
using Google.Protobuf.Reflection;

namespace Dispatch.Fuzzing;

/// <summary>
/// Every RPC of every service the contract assembly declares, read from the generated file descriptors, so an RPC
/// added to protos/ is fuzzed without a change here.
/// </summary>
public static class RpcCatalogue
{
    public static IReadOnlyList<FuzzRpc> All { get; } = Load(typeof(CaseService).Assembly);

    private static List<FuzzRpc> Load(Assembly contracts) =>
        contracts.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .Select(method => new FuzzRpc(method.Service.FullName, method.Name, method.InputType, method.IsServerStreaming))
            .OrderBy(rpc => rpc.Path, StringComparer.Ordinal)
            .ToList();
}
