namespace Platform.Client;

/// <summary>Idempotency keys for the <c>request_id</c> field of mutating requests (AIP-155).</summary>
public static class RequestIds
{
    /// <summary>A new random UUID in its canonical 36-character form.</summary>
    public static string New() => Guid.NewGuid().ToString("D");
}
