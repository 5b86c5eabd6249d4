using Platform.Domain.Common;

namespace Platform.Application.Abstractions.Security;

/// <summary>Verifies an API key secret (cached) and returns the principal it stands for.</summary>
public interface IApiKeyAuthenticator
{
    ValueTask<Result<Principal>> AuthenticateAsync(string secret, CancellationToken ct);

    /// <summary>Drops a key from this host's cache (revocation).</summary>
    void Invalidate(string keyPrefix);
}
