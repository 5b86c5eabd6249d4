namespace Platform.Application.Abstractions.Security;

/// <summary>Who is calling, after authentication. Operators have no tenant and every permission.</summary>
/// <param name="Id">Stable audit identity: <c>apiKeys/{id}</c> or <c>jwt:{issuer}#{subject}</c>.</param>
/// <param name="TenantId">The tenant a tenant principal belongs to; null for operators.</param>
public sealed record Principal(string Id, PrincipalKind Kind, string? TenantId, IReadOnlySet<string> Permissions)
{
    public bool IsOperator => Kind == PrincipalKind.Operator;

    public bool Has(string permission) => IsOperator || Permissions.Contains(permission);
}

public enum PrincipalKind
{
    Operator,
    TenantApiKey,
    TenantUser,
}
