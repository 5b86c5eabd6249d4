using DnsClient;
using Platform.Application.Abstractions;

namespace Platform.Infrastructure.Dns;

/// <summary>TXT lookups through the system's configured name servers (DnsClient).</summary>
internal sealed class DnsClientTxtResolver : IDnsTxtResolver
{
    private readonly LookupClient _client = new(new LookupClientOptions { UseCache = false, Timeout = TimeSpan.FromSeconds(3), Retries = 1 });

    public async Task<IReadOnlyList<string>> ResolveTxtAsync(string name, CancellationToken ct)
    {
        try
        {
            var response = await _client.QueryAsync(name, QueryType.TXT, cancellationToken: ct);
            return response.Answers.TxtRecords().SelectMany(r => r.Text).ToList();
        }
        catch (DnsResponseException)
        {
            // No answer (NXDOMAIN, timeout, unreachable resolver) means the record is not there
            // yet: the caller reports DOMAIN_NOT_VERIFIED and the client can retry.
            return [];
        }
    }
}
