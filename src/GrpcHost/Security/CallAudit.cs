namespace Platform.GrpcHost.Security;

/// <summary>What the authorization step learned about a call, for the audit record (one per call).</summary>
public sealed class CallAudit
{
    public string Principal { get; set; } = "anonymous";
    public string? TenantId { get; set; }
    public string Resource { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string Reason { get; set; } = "";
    public bool Mutating { get; set; } = true;

    /// <summary>False for the open operator services (health, reflection), which are not audited.</summary>
    public bool Audited { get; set; }
}
