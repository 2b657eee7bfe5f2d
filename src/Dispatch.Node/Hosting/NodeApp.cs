using System.Net;

namespace Dispatch.Node.Hosting;

/// <summary>Builds one node: its settings (command line, then overrides), Kestrel endpoints and services.</summary>
public static class NodeApp
{
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        // Settings ship next to the binary; relative paths (data/) resolve against the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Services.AddDispatchNode(builder.Configuration);
        var node = builder.Configuration.GetSection("Node").Get<NodeOptions>() ?? new NodeOptions();
        var limits = builder.Configuration.GetSection("Limits").Get<Limits.LimitOptions>() ?? new Limits.LimitOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.KeepAlivePingDelay = node.ClientKeepAliveDelay;
            kestrel.Limits.Http2.KeepAlivePingTimeout = node.ClientKeepAliveTimeout;
            kestrel.Limits.Http2.MaxStreamsPerConnection = limits.StreamsPerConnection;
            var address = IPAddress.Parse(node.ListenAddress);
            kestrel.Listen(address, node.GrpcPort, NodeEndpoints.Grpc);
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, node.HttpPort, NodeEndpoints.Web);
        });

        var app = builder.Build();
        app.MapDispatchNode();
        return app;
    }
}
