using Grpc.Core;
using Platform.Access.V1;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Search.V1;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Search;

/// <summary>
/// With the OpenSearch provider, a filter it has no exact form for is INVALID_ARGUMENT on "filter" from
/// SearchEntities, decided before any call to the cluster (none runs here: the URL refuses connections).
/// </summary>
public sealed class OpenSearchRefusalTests(SqliteHostFixture fx) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task A_filter_the_provider_cannot_express_is_refused_on_the_filter_field()
    {
        await using var factory = await fx.CreateIsolatedHostAsync(new()
        {
            ["Platform:Search:Provider"] = "OpenSearch",
            ["Platform:Search:OpenSearch:Url"] = "http://127.0.0.1:9/",
        });
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        var operatorCalls = HostFixture.WithCredential(channel, fx.OperatorKey);
        var tenant = await new TenantService.TenantServiceClient(operatorCalls).CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "OpenSearch refusal" },
        });
        var key = await new AccessService.AccessServiceClient(operatorCalls).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = tenant.Name, ApiKey = new ApiKey { DisplayName = "test key", Roles = { "admin" } },
        });
        var caller = HostFixture.WithCredential(channel, key.Secret);
        var type = await new EntityTypeService.EntityTypeServiceClient(caller).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = tenant.Name,
            EntityTypeId = "note",
            EntityType = new EntityType
            {
                Attributes =
                {
                    new AttributeDefinition { Key = "title", Type = AttributeType.String, Searchable = true, Filterable = true },
                    new AttributeDefinition { Key = "body", Type = AttributeType.Text, Searchable = true, Filterable = true },
                },
            },
        });

        // "abc" is too short for typo candidates, so nothing reaches the (absent) cluster before the filter is built.
        var (_, _, bad) = await Errors.AssertFailsAsync(() => new SearchService.SearchServiceClient(caller).SearchEntitiesAsync(
                new SearchEntitiesRequest { Parent = type.Name, Query = "abc", Filter = "attributes.body:\"sand\"" }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");

        Assert.Equal(["filter"], bad.Fields());
    }
}
