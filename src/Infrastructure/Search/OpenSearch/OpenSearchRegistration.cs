using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions.Search;

namespace Platform.Infrastructure.Search.OpenSearch;

public static class OpenSearchRegistration
{
    public const string ProviderKey = "Platform:Search:Provider";

    /// <summary>True when <c>Platform:Search:Provider</c> is <c>OpenSearch</c> (case-insensitive).</summary>
    public static bool IsSelected(IConfiguration configuration) =>
        string.Equals(configuration[ProviderKey], "OpenSearch", StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers <see cref="OpenSearchIndex"/> as <see cref="ISearchIndex"/> with a typed HttpClient on <c>Platform:Search:OpenSearch:Url</c>.</summary>
    public static IServiceCollection AddOpenSearchIndex(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OpenSearchOptions.Section).Get<OpenSearchOptions>() ?? new OpenSearchOptions();
        if (options.Url is null)
        {
            throw new InvalidOperationException($"{ProviderKey} is OpenSearch but {OpenSearchOptions.Section}:Url is not set.");
        }

        services.AddSingleton(options);
        services.AddSingleton<OpenSearchSetup>();
        services.AddHttpClient<ISearchIndex, OpenSearchIndex>(http =>
        {
            http.BaseAddress = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        });
        return services;
    }
}
