using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions.Search;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

public sealed class OpenSearchRegistrationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_provider_is_selected_by_configuration_only()
    {
        Assert.True(OpenSearchRegistration.IsSelected(Config(("Platform:Search:Provider", "OpenSearch"))));
        Assert.False(OpenSearchRegistration.IsSelected(Config()));
        Assert.False(OpenSearchRegistration.IsSelected(Config(("Platform:Search:Provider", "Database"))));
    }

    [Fact]
    public void The_index_resolves_with_its_options_and_base_address()
    {
        var services = new ServiceCollection().AddOpenSearchIndex(Config(
            ("Platform:Search:OpenSearch:Url", "http://search.test:9200"), ("Platform:Search:OpenSearch:IndexName", "entities-x")));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<OpenSearchIndex>(provider.GetRequiredService<ISearchIndex>());
        Assert.Equal("entities-x", provider.GetRequiredService<OpenSearchOptions>().IndexName);
    }

    [Fact]
    public void A_missing_url_is_a_startup_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddOpenSearchIndex(Config()));

        Assert.Contains("Platform:Search:OpenSearch:Url", error.Message, StringComparison.Ordinal);
    }
}
