using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Access;
using Platform.Domain.Common;
using Platform.Infrastructure.Security;

namespace Platform.GrpcHost.Security;

/// <summary>
/// Turns the call's credentials into a <see cref="Principal"/>: <c>authorization: Bearer</c> with an
/// API key (<c>tk_…</c>) or a JWT, or <c>x-api-key</c>. The same headers arrive from gRPC metadata,
/// REST and gRPC-Web alike. JWTs are validated by JwtBearer against the issuer's JWKS.
/// </summary>
public sealed class CallAuthenticator(IApiKeyAuthenticator apiKeys, JwtIssuers issuers, IRoleResolver roles, MemberRoles members)
{
    public async ValueTask<Result<Principal>> AuthenticateAsync(HttpContext http, CancellationToken ct)
    {
        var headers = http.Request.Headers;
        string? credential = null;
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            credential = authorization["Bearer ".Length..].Trim();
        }
        else if (authorization.Length > 0)
        {
            return SecurityErrors.Invalid("Only the Bearer scheme is supported.");
        }

        credential ??= headers["x-api-key"].ToString() is { Length: > 0 } key ? key.Trim() : null;
        if (string.IsNullOrEmpty(credential))
        {
            return SecurityErrors.Missing();
        }

        return credential.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal)
            ? await apiKeys.AuthenticateAsync(credential, ct)
            : await AuthenticateJwtAsync(http, credential, ct);
    }

    private async ValueTask<Result<Principal>> AuthenticateJwtAsync(HttpContext http, string token, CancellationToken ct)
    {
        string issuer;
        try
        {
            issuer = new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return SecurityErrors.Invalid("The bearer token is neither an API key nor a JWT.");
        }

        if (issuers.Find(issuer) is not var (scheme, options))
        {
            return SecurityErrors.Invalid("The token's issuer is not trusted.");
        }

        var result = await http.AuthenticateAsync(scheme);
        if (!result.Succeeded)
        {
            return result.Failure is SecurityTokenExpiredException ? SecurityErrors.Expired() : SecurityErrors.Invalid("The token did not validate.");
        }

        var user = result.Principal!;
        var subject = user.FindFirstValue("sub");
        var tenant = user.FindFirstValue(options.TenantClaim);
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(tenant))
        {
            return SecurityErrors.Invalid($"The token must carry 'sub' and '{options.TenantClaim}' claims.");
        }

        var roleIds = user.FindAll(options.RolesClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(await members.RolesAsync(tenant, issuer, subject, ct))
            .Where(r => r != BuiltInRoles.Operator) // Tokens never make operators.
            .Distinct(StringComparer.Ordinal).ToList();
        return new Principal($"jwt:{issuer}#{subject}", PrincipalKind.TenantUser, tenant, await roles.PermissionsAsync(tenant, roleIds, ct));
    }
}

/// <summary>The configured issuers and the JwtBearer scheme registered for each.</summary>
public sealed class JwtIssuers(IReadOnlyList<JwtIssuerOptions> issuers)
{
    public IReadOnlyList<JwtIssuerOptions> All => issuers;

    public static string SchemeFor(int index) => $"jwt{index}";

    public (string Scheme, JwtIssuerOptions Options)? Find(string issuer)
    {
        for (var i = 0; i < issuers.Count; i++)
        {
            if (issuers[i].Issuer == issuer)
            {
                return (SchemeFor(i), issuers[i]);
            }
        }

        return null;
    }
}
