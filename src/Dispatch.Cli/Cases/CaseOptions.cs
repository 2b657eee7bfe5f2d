using System.CommandLine;
using Dispatch.Cli.App;
using Dispatch.Cli.Texts;

namespace Dispatch.Cli.Cases;

/// <summary>The case argument and the options several case commands share, described in the run's language.</summary>
internal sealed class CaseOptions(CliContext cli)
{
    public Argument<string> Case { get; } = new("case") { Description = cli.T(CaseTexts.CaseArgument) };

    public Option<string> Note { get; } = new("--note") { Description = cli.T(CaseTexts.NoteOption) };

    public Option<string> RequiredReason() => new("--reason") { Required = true, Description = cli.T(CaseTexts.ReasonOption) };

    public Option<string[]> Evidence() => new("--evidence", "--photo") { AllowMultipleArgumentsPerToken = true, Description = cli.T(CaseTexts.EvidenceOption), HelpName = "REF" };
}
