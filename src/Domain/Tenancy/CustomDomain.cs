namespace Platform.Domain.Tenancy;

/// <summary>A host name a tenant wants to be reached on; used for resolution only once verified.</summary>
public sealed record CustomDomain(string Domain, bool Verified, string VerificationToken = "");
