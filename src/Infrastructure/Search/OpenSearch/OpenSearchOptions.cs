namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// <c>Platform:Search:OpenSearch</c>. Chosen by <c>Platform:Search:Provider=OpenSearch</c>.
/// The password is never logged nor put in an exception message.
/// </summary>
public sealed class OpenSearchOptions
{
    public const string Section = "Platform:Search:OpenSearch";

    /// <summary>The cluster's base address, e.g. <c>https://search.internal:9200/</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The one shared index every tenant's documents live in (tenants are told apart by routing and filtered aliases).</summary>
    public string IndexName { get; set; } = "platform-entities";

    /// <summary>Basic authentication, when both are set.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The index template's name; matches <see cref="IndexName"/> and nothing else.</summary>
    public string TemplateName => IndexName + "-template";

    /// <summary>The filtered alias that shows one tenant's documents only.</summary>
    public string AliasFor(string tenantId) => $"{IndexName}-tenant-{tenantId.ToLowerInvariant()}";
}
