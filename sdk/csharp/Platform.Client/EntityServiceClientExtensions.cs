using Platform.Eav.V1;

namespace Platform.Client;

/// <summary>Conveniences over the generated <see cref="EntityService.EntityServiceClient"/>.</summary>
public static class EntityServiceClientExtensions
{
    /// <summary>
    /// Every entity matching <paramref name="request"/>, across all pages. The request is not
    /// modified; its <c>page_size</c>, <c>filter</c>, <c>order_by</c>, <c>read_mask</c> and
    /// <c>show_deleted</c> apply to every page, and a non-empty <c>page_token</c> resumes from that page.
    /// </summary>
    public static IAsyncEnumerable<Entity> ListAllEntitiesAsync(
        this EntityService.EntityServiceClient client, ListEntitiesRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var template = request.Clone();
        return Pagination.ReadAllAsync(
            async (token, cancel) =>
            {
                var page = template.Clone();
                // Only the first fetch has an empty token; honour a caller-supplied resume token there.
                page.PageToken = token.Length > 0 ? token : template.PageToken;
                return await client.ListEntitiesAsync(page, cancellationToken: cancel).ResponseAsync.ConfigureAwait(false);
            },
            response => response.Entities,
            response => response.NextPageToken,
            ct);
    }
}
