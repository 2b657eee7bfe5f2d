using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Data;
using Dispatch.Domain.Directory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Application.SignIn;

/// <summary>
/// Sign-in: checks a user name and password against the stored hash and returns the user's identity. Issuing a
/// token for it is the host's business.
/// </summary>
internal sealed class PasswordSignIn(IDbContextFactory<DispatchDbContext> contexts, IPasswordHasher<User> hasher)
{
    public const int UserNameMaxLength = 64;
    public const int PasswordMaxLength = 256;

    private readonly Lazy<User> _decoy = new(() =>
    {
        var decoy = new User(Guid.NewGuid(), "decoy", "decoy", Role.Supervisor, "pending");
        decoy.ChangePasswordHash(hasher.HashPassword(decoy, Guid.NewGuid().ToString()));
        return decoy;
    });

    public async Task<SignedInUser> SignInAsync(SignInCommand request, CancellationToken cancellationToken)
    {
        if (request.UserName.Length is 0 or > UserNameMaxLength || request.Password.Length is 0 or > PasswordMaxLength)
        {
            throw new InvalidRequestException(
                request.UserName.Length is 0 or > UserNameMaxLength ? "user_name" : "password", "must be 1 to 64 (user name) or 1 to 256 (password) characters.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == request.UserName, cancellationToken);

        // An unknown user costs one hash check too, so the answer time does not tell which was wrong.
        var checkedUser = user ?? _decoy.Value;
        if (hasher.VerifyHashedPassword(checkedUser, checkedUser.PasswordHash, request.Password) == PasswordVerificationResult.Failed || user is null)
        {
            throw new SignInFailedException();
        }

        return new SignedInUser(CallerIdentity.From(user), user.DisplayName);
    }
}
