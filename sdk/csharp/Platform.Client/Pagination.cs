using System.Runtime.CompilerServices;

namespace Platform.Client;

/// <summary>Walks AIP-158 paginated List methods (<c>page_token</c> / <c>next_page_token</c>).</summary>
public static class Pagination
{
    /// <summary>
    /// Streams every item of every page, fetching the next page only once the current one has been
    /// consumed. The first page is requested with an empty token; iteration stops when a response
    /// carries an empty <c>next_page_token</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server returned the same page token twice.</exception>
    public static async IAsyncEnumerable<TItem> ReadAllAsync<TResponse, TItem>(
        Func<string, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, IEnumerable<TItem>> items,
        Func<TResponse, string> nextToken,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nextToken);

        var token = string.Empty;
        do
        {
            var page = await fetchPage(token, ct).ConfigureAwait(false);
            foreach (var item in items(page))
            {
                yield return item;
            }

            var next = nextToken(page) ?? string.Empty;
            // A server bug that repeats a token would otherwise loop forever, re-yielding one page.
            if (next.Length > 0 && next == token)
            {
                throw new InvalidOperationException("The server returned the same page token twice; stopping to avoid an endless loop.");
            }

            token = next;
        }
        while (token.Length > 0);
    }
}
