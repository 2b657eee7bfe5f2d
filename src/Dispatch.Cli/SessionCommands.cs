using System.CommandLine;
using Dispatch.Client;

namespace Dispatch.Cli;

internal static class SessionCommands
{
    public static Command Login()
    {
        var user = new Argument<string>("user") { Description = "user name" };
        var password = new Option<string>("--password") { Description = "password (asked for when left out)" };
        var address = new Option<string>("--address") { Description = "the node's gRPC address", DefaultValueFactory = _ => "http://127.0.0.1:5001" };
        var ca = new Option<string?>("--ca")
        {
            Description = "CA certificate (PEM) for an https:// address, e.g. data/certs/ca.crt of scripts/run.sh --tls (default: $DISPATCH_CA, else the system's)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DISPATCH_CA") is { Length: > 0 } file ? file : null,
        };
        var command = new Command("login", "sign in and keep the token for the next commands") { user, password, address, ca };
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var secret = result.GetValue(password) ?? Prompt();
            var caFile = result.GetValue(ca) is { } file ? Path.GetFullPath(file) : null;
            var (connection, login) = await DispatchConnection.SignInAsync(result.GetValue(address)!, result.GetValue(user)!, secret, caFile, cancellationToken);
            connection.Dispose();
            new Session(result.GetValue(address)!, login.AccessToken, result.GetValue(user)!, caFile).Save();
            Console.WriteLine($"signed in as {login.DisplayName} ({login.Role}) until {login.ExpiresAt.ToDateTimeOffset():u}");
            return 0;
        });
        return command;
    }

    private static string Prompt()
    {
        Console.Write("password: ");
        return Console.ReadLine() ?? "";
    }
}
