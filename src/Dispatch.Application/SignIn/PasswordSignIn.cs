using Dispatch.Application.Errors;
using Dispatch.Application.Security;
using Dispatch.Data;
using Dispatch.Domain.Directory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Application.SignIn;

/// <summary>
/// Sign-in: checks a user name and password against the stored hash and returns the user's identity. Issuing a
/// token for it is the host's business. Wrong passwords count against the account, stored with it (so a lockout holds
/// after a restart and on every replica), and against the remote address (<see cref="AddressThrottle"/>).
/// </summary>
internal sealed class PasswordSignIn(
    IDbContextFactory<DispatchDbContext> contexts, IPasswordHasher<User> hasher, AddressThrottle addresses, IOptions<SignInLimits> limits, TimeProvider clock)
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

        addresses.EnsureAllowed(request.Address);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == request.UserName, cancellationToken);
        if (user is { IsLocked: true })
        {
            addresses.Failed(request.Address);
            throw new AccountLockedException();
        }

        // An unknown user costs one hash check too, so the answer time does not tell which was wrong.
        var checkedUser = user ?? _decoy.Value;
        if (hasher.VerifyHashedPassword(checkedUser, checkedUser.PasswordHash, request.Password) == PasswordVerificationResult.Failed || user is null)
        {
            addresses.Failed(request.Address);
            if (user is not null && await CountFailureAsync(db, user.Id, cancellationToken))
            {
                throw new AccountLockedException();
            }

            throw new SignInFailedException();
        }

        if (user.FailedSignIns > 0)
        {
            await db.Users.Where(u => u.Id == user.Id && u.LockedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LastFailedSignInAt, (DateTimeOffset?)null), cancellationToken);
        }

        return new SignedInUser(CallerIdentity.From(user), user.DisplayName);
    }

    /// <summary>
    /// Counts a wrong password against the account in one statement (parallel attempts each count), and locks it at
    /// the limit; true when the account is locked now.
    /// </summary>
    private async Task<bool> CountFailureAsync(DispatchDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var lockout = new SignInLockout(limits.Value.AccountMaxFailures, limits.Value.AccountFailureWindow);
        var now = clock.GetUtcNow();
        var countsSince = lockout.CountsSince(now);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(
            set => set
                .SetProperty(u => u.FailedSignIns, u => u.LastFailedSignInAt != null && u.LastFailedSignInAt > countsSince ? u.FailedSignIns + 1 : 1)
                .SetProperty(u => u.LastFailedSignInAt, now),
            cancellationToken);
        return await db.Users.Where(u => u.Id == userId && u.LockedAt == null && u.FailedSignIns >= lockout.MaxFailures)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LockedAt, now), cancellationToken) > 0;
    }
}
