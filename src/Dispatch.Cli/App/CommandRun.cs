using System.CommandLine;
using Dispatch.Cli.Profiles;
using Dispatch.Cli.Texts;
using Dispatch.Client;
using Dispatch.Contracts.V1;
using Google.Protobuf;

namespace Dispatch.Cli.App;

/// <summary>
/// One command being carried out: its parsed values, its cancellation (Ctrl+C), its output (human or --json) and,
/// when it needs one, a connection signed in with the active profile.
/// </summary>
internal sealed class CommandRun(CliContext cli, ParseResult result, CancellationToken cancellation) : IDisposable
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private DispatchConnection? _connection;
    private Profile? _profile;

    public CliContext Cli { get; } = cli;

    public ParseResult Result { get; } = result;

    public CancellationToken Cancellation { get; } = cancellation;

    public bool Json => Result.GetValue(Cli.Json);

    public TextWriter Out => Cli.Console.Out;

    /// <summary>The profile this command uses: --profile, else $DISPATCH_PROFILE, else the current one.</summary>
    public string ProfileName => Result.GetValue(Cli.Profile) is { Length: > 0 } name
        ? name
        : Cli.Console.Environment("DISPATCH_PROFILE") is { Length: > 0 } fromEnvironment ? fromEnvironment : Cli.Profiles.Current;

    /// <summary>The active profile; not signed in is a <see cref="CliException"/> (exit 3).</summary>
    public Profile Profile => _profile ??= Cli.Profiles.Find(ProfileName) ?? throw new CliException(T(CoreTexts.NotSignedIn, ProfileName), ExitCodes.NotSignedIn);

    /// <summary>A connection with the active profile's token.</summary>
    public DispatchConnection Connection
    {
        get
        {
            if (_connection is null)
            {
                Cli.Address = Profile.Address;
                _connection = DispatchConnection.FromToken(Profile.Address, Profile.Token, Profile.CaFile);
            }

            return _connection;
        }
    }

    public T? Get<T>(Option<T> option) => Result.GetValue(option);

    public T Get<T>(Argument<T> argument) => Result.GetValue(argument)!;

    /// <summary>Whether the option was given on the command line (not just defaulted).</summary>
    public bool Given(Option option) => Result.GetResult(option) is { Implicit: false };

    public string T(Text text, params object?[] args) => Cli.T(text, args);

    public void Line(string text = "") => Out.WriteLine(text);

    /// <summary>A response message as one line of protobuf JSON.</summary>
    public void WriteJson(IMessage message) => Out.WriteLine(Formatter.Format(message));

    /// <summary>Writes the response as JSON with --json, else as <paramref name="human"/> prints it.</summary>
    public void Show(IMessage response, Action human)
    {
        if (Json)
        {
            WriteJson(response);
        }
        else
        {
            human();
        }
    }

    /// <summary>A case by id or number (at a parent tier also by the number the child gave it).</summary>
    public Task<Case> FindCaseAsync(string idOrNumber) => Connection.FindCaseAsync(idOrNumber, Cancellation);

    public void Dispose() => _connection?.Dispose();
}
