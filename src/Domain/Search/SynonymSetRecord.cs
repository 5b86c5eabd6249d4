using System.Globalization;
using Platform.Domain.Common;
using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Search;

/// <summary>A tenant's stored synonym set: the validated rules plus identity and version (the etag).</summary>
public sealed record SynonymSetRecord(string TenantId, string Id, SynonymSet Rules, long Revision, DateTime CreateTime, DateTime UpdateTime)
{
    public string ResourceName => $"tenants/{TenantId}/synonymSets/{Id}";

    public string Etag => Revision.ToString(CultureInfo.InvariantCulture);

    public Error? CheckEtag(string? etag) => string.IsNullOrEmpty(etag) || etag == Etag ? null : Error.EtagMismatch(ResourceName);
}
