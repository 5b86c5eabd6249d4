namespace Platform.GrpcHost.Security;

/// <summary>
/// One trusted OIDC issuer, from <c>Platform:Auth:Jwt:Issuers:N</c>. Its signing keys come from
/// the issuer's discovery document (<see cref="MetadataAddress"/>, default
/// <c>{Issuer}/.well-known/openid-configuration</c>), refreshed by JwtBearer.
/// </summary>
public sealed class JwtIssuerOptions
{
    public string Issuer { get; set; } = "";
    public string? Audience { get; set; }
    public string? MetadataAddress { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that names the tenant (its id).</summary>
    public string TenantClaim { get; set; } = "tenant";

    /// <summary>The claim with role ids (array or space separated); merged with stored member roles.</summary>
    public string RolesClaim { get; set; } = "roles";
}
