using Google.LongRunning;
using Google.Protobuf.WellKnownTypes;
using Platform.Billing.V1;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Operations.V1;
using Platform.Search.V1;

namespace Platform.Integration.Tests.Host;

public sealed class SqliteGrpcWebReachabilityTests(SqliteHostFixture fx) : GrpcWebReachabilityTests<SqliteHostFixture>(fx);

public sealed class PostgresGrpcWebReachabilityTests(PostgresHostFixture fx) : GrpcWebReachabilityTests<PostgresHostFixture>(fx);

/// <summary>The search, operations and billing services answer over gRPC-Web as over gRPC and REST.</summary>
public abstract class GrpcWebReachabilityTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Search_reindex_and_billing_answer_over_grpc_web()
    {
        var web = fx.GrpcWebOperator;
        var tenant = await fx.CreateTenantAsync();
        var type = await new EntityTypeService.EntityTypeServiceClient(web).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = tenant.Name,
            EntityTypeId = "note",
            EntityType = new EntityType { Attributes = { new AttributeDefinition { Key = "title", Type = AttributeType.String, Searchable = true } } },
        });
        var attributes = new Struct();
        attributes.Fields["title"] = Value.ForString("Web search works");
        await new EntityService.EntityServiceClient(web).CreateEntityAsync(new CreateEntityRequest
        {
            Parent = type.Name, EntityId = "n1", Entity = new Entity { Attributes = attributes },
        });

        var search = new SearchService.SearchServiceClient(web);
        var found = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = type.Name, Query = "search", Consistency = Consistency.Strong });
        Assert.Equal($"{type.Name}/entities/n1", Assert.Single(found.Hits).Name);
        var suggested = await search.SuggestCompletionsAsync(new SuggestCompletionsRequest { Parent = type.Name, Prefix = "web s" });
        Assert.Equal("Web search works", Assert.Single(suggested.Suggestions).Text);

        var operation = await search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = type.Name });
        var got = await new OperationService.OperationServiceClient(web).GetOperationAsync(new GetOperationRequest { Name = operation.Name });
        Assert.Equal(operation.Name, got.Name);

        Assert.StartsWith("plans/basic/prices/",
            (await new CatalogService.CatalogServiceClient(web).GetCurrentPlanPriceAsync(new GetCurrentPlanPriceRequest { Parent = "plans/basic" })).Name,
            StringComparison.Ordinal);
        Assert.Equal($"{tenant.Name}/wallet", (await new WalletService.WalletServiceClient(web).GetWalletAsync(new GetWalletRequest { Name = $"{tenant.Name}/wallet" })).Name);
        Assert.Equal($"{tenant.Name}/usage", (await new UsageService.UsageServiceClient(web).GetUsageAsync(new GetUsageRequest { Name = $"{tenant.Name}/usage" })).Name);
        Assert.Empty((await new InvoiceService.InvoiceServiceClient(web).ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name })).Invoices);
    }
}
