namespace Platform.Application.Abstractions.Billing;

/// <summary>A named lease in the database, so that one host at a time runs the invoice job.</summary>
public interface IBillingRunLease
{
    /// <summary>True when <paramref name="holder"/> now holds the lease until <paramref name="until"/>.</summary>
    Task<bool> TryAcquireAsync(string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken ct);

    Task ReleaseAsync(string holder, CancellationToken ct);
}
