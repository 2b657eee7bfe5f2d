using Dispatch.Application.SignIn;
using Dispatch.Contracts.V1;
using Dispatch.Node.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Node.Grpc;

/// <summary>Sign-in: the application checks the password; this issues a signed, expiring token for who signed in.</summary>
[AllowAnonymous]
internal sealed class AuthGrpcService(PasswordSignIn signIn, TokenService tokens) : AuthService.AuthServiceBase
{
    public override async Task<LoginResponse> Login(LoginRequest request, ServerCallContext context)
    {
        var user = await signIn.SignInAsync(new SignInCommand(request.UserName, request.Password, context.GetHttpContext().Connection.RemoteIpAddress?.ToString()), context.CancellationToken);
        var identity = user.Identity;
        var (token, expiresAt) = tokens.Issue(identity);
        var response = new LoginResponse
        {
            AccessToken = token,
            ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt),
            UserId = identity.UserId.ToString(),
            DisplayName = user.DisplayName,
            Role = ContractMapper.Convert<Contracts.V1.Role>(identity.Role),
            DepartmentId = identity.DepartmentId?.ToString() ?? "",
        };
        response.GridIds.AddRange(identity.GridIds.Select(g => g.Value));
        return response;
    }
}
