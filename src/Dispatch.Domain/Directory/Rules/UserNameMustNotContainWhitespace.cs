using Dispatch.Domain.Common;

namespace Dispatch.Domain.Directory.Rules;

internal sealed class UserNameMustNotContainWhitespace(string? userName) : IValidationRule
{
    public string Field => "userName";

    public bool IsBroken() => userName is not null && userName.Any(char.IsWhiteSpace);

    public string Message => $"userName {ClientValue.Quote(userName)} contains whitespace.";
}
