using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Output;
using Dispatch.Cli.Texts;
using Dispatch.Client;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Profiles;

/// <summary>login, logout, profiles and use: named sessions with several nodes.</summary>
internal static class ProfileCommands
{
    public const string FallbackAddress = "http://127.0.0.1:5001";

    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Login(cli);
        yield return Logout(cli);
        yield return List(cli);
        yield return Use(cli);
    }

    private static Command Login(CliContext cli)
    {
        var user = new Argument<string>("user") { Description = cli.T(CoreTexts.LoginUserArgument) };
        var password = new Option<string>("--password") { Description = cli.T(CoreTexts.LoginPasswordOption) };
        var address = new Option<string>("--address") { Description = cli.T(CoreTexts.LoginAddressOption, FallbackAddress), HelpName = "HOST:PORT" };
        var ca = new Option<string>("--ca") { Description = cli.T(CoreTexts.LoginCaOption), HelpName = "FILE" };
        var command = cli.Command("login", CoreTexts.LoginDescription, user, password, address, ca);
        cli.SetAction(command, async run =>
        {
            var name = run.ProfileName;
            var saved = cli.Profiles.Find(name);
            var caFile = run.Get(ca) is { Length: > 0 } file ? file : cli.Console.Environment("DISPATCH_CA") is { Length: > 0 } fromEnvironment ? fromEnvironment : saved?.CaFile;
            if (caFile is not null)
            {
                caFile = Path.GetFullPath(caFile);
                if (!File.Exists(caFile))
                {
                    throw new CliException(run.T(CoreTexts.CaFileMissing, caFile));
                }
            }

            var typed = run.Get(address) ?? saved?.Address ?? FallbackAddress;
            if (!NodeAddress.TryNormalize(typed, caFile is not null, out var normalized))
            {
                throw new CliException(run.T(CoreTexts.BadAddress, typed));
            }

            var secret = run.Get(password) ?? ReadPassword(run);
            cli.Address = normalized;
            LoginResponse login;
            try
            {
                (var connection, login) = await DispatchConnection.SignInAsync(normalized, run.Get(user), secret, caFile, run.Cancellation);
                connection.Dispose();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                throw new CliException(run.T(CoreTexts.WrongPassword, e.Status.Detail), ExitCodes.NotSignedIn);
            }

            cli.Profiles.Save(name, new Profile(normalized, login.AccessToken, run.Get(user), login.Role.ToString(), login.ExpiresAt.ToDateTimeOffset(), caFile, login.UserId, login.DepartmentId));
            run.Show(login.Clone().WithoutToken(), () =>
                run.Line(run.T(CoreTexts.SignedIn, login.DisplayName, Names.Of(run, login.Role), normalized, name, run.Local(login.ExpiresAt))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ReadPassword(CommandRun run)
    {
        var console = run.Cli.Console;
        var password = console.InputIsTerminal ? console.ReadPassword(run.T(CoreTexts.PasswordPrompt)) : console.In.ReadLine();
        return password is { Length: > 0 } ? password : throw new CliException(run.T(CoreTexts.PasswordMissing));
    }

    /// <summary>The token is a secret: --json shows who signed in, not the token.</summary>
    private static LoginResponse WithoutToken(this LoginResponse login)
    {
        login.AccessToken = "";
        return login;
    }

    private static Command Logout(CliContext cli)
    {
        var command = cli.Command("logout", CoreTexts.LogoutDescription);
        cli.SetAction(command, run =>
        {
            var name = run.ProfileName;
            run.Line(run.T(cli.Profiles.Remove(name) ? CoreTexts.LoggedOut : CoreTexts.NoSuchProfile, name));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command List(CliContext cli)
    {
        var command = cli.Command("profiles", CoreTexts.ProfilesDescription);
        cli.SetAction(command, run =>
        {
            var current = run.ProfileName;
            var profiles = cli.Profiles.All;
            if (run.Json)
            {
                run.Line(System.Text.Json.JsonSerializer.Serialize(profiles.Select(p => new
                {
                    name = p.Key, current = p.Key == current, address = p.Value.Address, user = p.Value.UserName, role = p.Value.Role, expiresAt = p.Value.ExpiresAt,
                })));
                return Task.FromResult(ExitCodes.Ok);
            }

            if (profiles.Count == 0)
            {
                run.Line(run.T(CoreTexts.NoProfiles));
                return Task.FromResult(ExitCodes.Ok);
            }

            var table = new Table("", run.T(CoreTexts.ProfileHeader), run.T(CoreTexts.UserHeader), run.T(CoreTexts.AddressHeader), run.T(CoreTexts.ExpiresHeader));
            foreach (var (name, profile) in profiles.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                table.Add(name == current ? "*" : "", name, $"{profile.UserName} ({profile.Role})", profile.Address, run.Local(profile.ExpiresAt));
            }

            table.Write(run.Out);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Use(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = cli.T(CoreTexts.UseNameArgument) };
        var command = cli.Command("use", CoreTexts.UseDescription, name);
        cli.SetAction(command, run =>
        {
            if (!cli.Profiles.Use(run.Get(name)))
            {
                throw new CliException(run.T(CoreTexts.NoSuchProfile, run.Get(name)), ExitCodes.NotFound);
            }

            run.Line(run.T(CoreTexts.UsingProfile, run.Get(name)));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
