using Microsoft.AspNetCore.Authorization;
using Dispatch.Contracts.V1;
using Dispatch.Data;
using Dispatch.Domain.Directory;
using Dispatch.Node.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Node.Grpc;

/// <summary>Sign-in: checks the password hash and issues a signed, expiring token.</summary>
[AllowAnonymous]
internal sealed class AuthGrpcService(
    IDbContextFactory<DispatchDbContext> contexts,
    IPasswordHasher<Dispatch.Domain.Directory.User> hasher,
    TokenService tokens) : AuthService.AuthServiceBase
{
    private static Lazy<Dispatch.Domain.Directory.User>? _decoy;

    public override async Task<LoginResponse> Login(LoginRequest request, ServerCallContext context)
    {
        if (request.UserName.Length is 0 or > 64 || request.Password.Length is 0 or > 256)
        {
            throw new Application.Errors.InvalidRequestException(
                request.UserName.Length is 0 or > 64 ? "user_name" : "password", "must be 1 to 64 (user name) or 1 to 256 (password) characters.");
        }

        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == request.UserName, context.CancellationToken);
        // An unknown user costs one hash check too, so the answer time does not tell which was wrong.
        var checkedUser = user ?? TimingDecoy.Value;
        if (hasher.VerifyHashedPassword(checkedUser, checkedUser.PasswordHash, request.Password) == PasswordVerificationResult.Failed || user is null)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Unknown user name or wrong password."));
        }

        var identity = CallerIdentity.From(user);
        var (token, expiresAt) = tokens.Issue(identity);
        var response = new LoginResponse
        {
            AccessToken = token,
            ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt),
            UserId = user.Id.ToString(),
            DisplayName = user.DisplayName,
            Role = ContractMapper.Convert<Contracts.V1.Role>(user.Role),
            DepartmentId = user.DepartmentId?.ToString() ?? "",
        };
        response.GridIds.AddRange(user.GridIds.Select(g => g.Value));
        return response;
    }

    private Lazy<Dispatch.Domain.Directory.User> TimingDecoy => _decoy ??= new(() =>
    {
        var decoy = new Dispatch.Domain.Directory.User(Guid.NewGuid(), "decoy", "decoy", Dispatch.Domain.Directory.Role.Supervisor, "pending");
        decoy.ChangePasswordHash(hasher.HashPassword(decoy, Guid.NewGuid().ToString()));
        return decoy;
    });
}
