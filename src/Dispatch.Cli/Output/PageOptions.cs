using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Texts;

namespace Dispatch.Cli.Output;

/// <summary>--page-size, --page-token and --all, the same on every list command.</summary>
internal sealed class PageOptions
{
    public PageOptions(CliContext cli, int defaultSize = 50)
    {
        Size = new Option<int>("--page-size") { DefaultValueFactory = _ => defaultSize, Description = cli.T(CoreTexts.PageSizeOption), HelpName = "1..200" };
        Size.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, out var size) && size is < 1 or > 200)
            {
                r.AddError(cli.T(CoreTexts.PageSizeInvalid));
            }
        });
        Token = new Option<string>("--page-token") { Description = cli.T(CoreTexts.PageTokenOption), HelpName = "TOKEN" };
        All = new Option<bool>("--all") { Description = cli.T(CoreTexts.AllOption) };
    }

    public Option<int> Size { get; }

    public Option<string> Token { get; }

    public Option<bool> All { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Size);
        command.Options.Add(Token);
        command.Options.Add(All);
    }
}
