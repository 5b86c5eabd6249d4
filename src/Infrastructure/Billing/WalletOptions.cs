namespace Platform.Infrastructure.Billing;

/// <summary>Bound from <c>Platform:Wallets</c>.</summary>
public sealed class WalletOptions
{
    public const string Section = "Platform:Wallets";

    /// <summary>How often calls admitted on this host are written as consumption (one entry per tenant and source).</summary>
    public int FlushMilliseconds { get; set; } = 1000;

    /// <summary>How old a cached balance may get before it is read again (writes on this host refresh it at once).</summary>
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>A tenant without calls for this long leaves the cache.</summary>
    public int IdleMinutes { get; set; } = 10;
}
