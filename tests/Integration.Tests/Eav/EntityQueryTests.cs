using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Eav;

public sealed class SqliteEntityQueryTests(SqliteHostFixture fx) : EntityQueryTests<SqliteHostFixture>(fx);

public sealed class PostgresEntityQueryTests(PostgresHostFixture fx) : EntityQueryTests<PostgresHostFixture>(fx);

/// <summary>ListEntities, AggregateEntities, import and export, and the REST and gRPC-Web surfaces, on both providers.</summary>
public abstract class EntityQueryTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static readonly string[] Statuses = ["ACTIVE", "RETIRED", "DRAFT"];

    /// <summary>40 products with known values: status cycles, price = i * 1.5, qty = i % 7 (missing for multiples of 5).</summary>
    private static async Task<EntityWorld> SeededAsync(HostFixture fx)
    {
        var w = await EntityWorld.CreateAsync(fx);
        var batch = new BatchCreateEntitiesRequest { Parent = w.Parent };
        for (var i = 0; i < 40; i++)
        {
            var attrs = Attrs(("sku", S($"P-{i:D2}")), ("status", S(Statuses[i % 3])), ("price", S((i * 1.5m).ToString(CultureInfo.InvariantCulture))),
                ("tags", Value.ForList(S(i % 2 == 0 ? "even" : "odd"))), ("active", Value.ForBool(i % 4 == 0)),
                ("released", S(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i).ToString("O", CultureInfo.InvariantCulture))));
            if (i % 5 != 0)
            {
                attrs.Fields["qty"] = S((i % 7).ToString(CultureInfo.InvariantCulture));
            }

            batch.Requests.Add(new CreateEntityRequest { EntityId = $"p{i:D2}", Entity = new Entity { Attributes = attrs } });
        }

        await w.Entities.BatchCreateEntitiesAsync(batch);
        return w;
    }

    private static int Index(Entity e) => int.Parse(e.Name[^2..], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Filters_sort_and_keyset_pages_match_the_data_and_survive_concurrent_inserts()
    {
        var w = await SeededAsync(fx);
        var expected = Enumerable.Range(0, 40).Where(i => Statuses[i % 3] != "RETIRED" && i * 1.5m >= 10)
            .OrderByDescending(i => i * 1.5m).ToList();

        var seen = new List<int>();
        string token = "";
        var pages = 0;
        do
        {
            var page = await w.Entities.ListEntitiesAsync(new ListEntitiesRequest
            {
                Parent = w.Parent,
                Filter = "attributes.status != \"RETIRED\" AND attributes.price >= 10",
                OrderBy = "attributes.price desc",
                PageSize = 7,
                PageToken = token,
                IncludeTotalSize = pages == 0,
            });
            if (pages == 0)
            {
                Assert.Equal(expected.Count, page.TotalSize);
                Assert.False(page.TotalSizeIsEstimate);
                // Inserting a row that sorts before the cursor never shifts later pages.
                await w.CreateAsync("zz", ("sku", S("Z")), ("price", S("1000")));
            }

            seen.AddRange(page.Entities.Select(Index));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);
        Assert.Equal(expected, seen);

        var tagged = await w.Entities.ListEntitiesAsync(new ListEntitiesRequest
        {
            Parent = w.Parent,
            Filter = "attributes.tags:\"even\" AND (attributes.qty < 3 OR NOT attributes.active = false) AND create_time > \"2000-01-01T00:00:00Z\"",
            OrderBy = "attributes.qty, attributes.released desc",
            PageSize = 100,
            ReadMask = new FieldMask { Paths = { "attributes.qty" } },
        });
        var want = Enumerable.Range(0, 40).Where(i => i % 2 == 0 && ((i % 5 != 0 && i % 7 < 3) || i % 4 == 0))
            .OrderBy(i => i % 5 == 0 ? int.MaxValue : i % 7).ThenByDescending(i => i).ToList();
        Assert.Equal(want, tagged.Entities.Select(Index));
        Assert.All(tagged.Entities, e => Assert.True(e.Attributes.Fields.Keys.All(k => k == "qty")));
    }

    [Fact]
    public async Task Bad_filters_and_sorts_name_the_problem()
    {
        var w = await SeededAsync(fx);
        var (status, _, bad) = await Errors.AssertFailsAsync(() => w.Entities.ListEntitiesAsync(new ListEntitiesRequest
        {
            Parent = w.Parent,
            Filter = "attributes.notes = \"x\"",
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["filter"], bad.Fields());
        Assert.Contains("notes", status.Message);

        (_, var info, _) = await Errors.AssertFailsAsync(() => w.Entities.ListEntitiesAsync(new ListEntitiesRequest
        {
            Parent = w.Parent,
            Filter = "attributes.price >= AND",
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.True(int.Parse(info.Metadata["column"], CultureInfo.InvariantCulture) > 1);

        (_, _, bad) = await Errors.AssertFailsAsync(() => w.Entities.ListEntitiesAsync(new ListEntitiesRequest
        {
            Parent = w.Parent,
            OrderBy = "attributes.sku",
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["order_by"], bad.Fields());

        await Errors.AssertFailsAsync(() => w.Entities.ListEntitiesAsync(new ListEntitiesRequest
        {
            Parent = w.Parent,
            PageToken = "garbage",
        }).ResponseAsync, StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task Aggregates_are_exact_and_grouped()
    {
        var w = await SeededAsync(fx);
        var result = await w.Entities.AggregateEntitiesAsync(new AggregateEntitiesRequest
        {
            Parent = w.Parent,
            Filter = "attributes.price < 30",
            GroupBy = { "attributes.status" },
            Aggregations =
            {
                new Aggregation { Function = AggregateFunction.Count },
                new Aggregation { Function = AggregateFunction.Sum, Attribute = "price" },
                new Aggregation { Function = AggregateFunction.Avg, Attribute = "qty" },
                new Aggregation { Function = AggregateFunction.Max, Attribute = "released" },
            },
        });

        var rows = Enumerable.Range(0, 20); // price < 30 ⇔ i < 20
        foreach (var status in Statuses)
        {
            var members = rows.Where(i => Statuses[i % 3] == status).ToList();
            var group = result.Groups.Single(g => g.Keys[0].StringValue == status);
            Assert.Equal(members.Count, group.Count);
            Assert.Equal(members.Count.ToString(CultureInfo.InvariantCulture), group.Values[0].StringValue);
            Assert.Equal(members.Sum(i => i * 1.5m), decimal.Parse(group.Values[1].StringValue, CultureInfo.InvariantCulture));
            var qtys = members.Where(i => i % 5 != 0).Select(i => (decimal)(i % 7)).ToList();
            Assert.Equal(Math.Round(qtys.Average(), 10), decimal.Parse(group.Values[2].StringValue, CultureInfo.InvariantCulture));
            Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(members.Max()),
                DateTime.Parse(group.Values[3].StringValue, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        }

        var (_, _, bad) = await Errors.AssertFailsAsync(() => w.Entities.AggregateEntitiesAsync(new AggregateEntitiesRequest
        {
            Parent = w.Parent,
            Aggregations = { new Aggregation { Function = AggregateFunction.Sum, Attribute = "sku" } },
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["aggregations[0].attribute"], bad.Fields());
    }

    [Fact]
    public async Task Import_streams_in_chunks_skips_bad_entities_upserts_and_export_streams_everything_back()
    {
        var w = await EntityWorld.CreateAsync(fx);
        using (var import = w.Entities.ImportEntities())
        {
            var index = 0;
            for (var message = 0; message < 3; message++)
            {
                var request = new ImportEntitiesRequest();
                if (message == 0)
                {
                    request.Parent = w.Parent;
                }

                for (var i = 0; i < 400; i++, index++)
                {
                    var price = index is 7 or 901 ? "-1" : "2";
                    request.Entities.Add(new Entity { Attributes = Attrs(("sku", S($"I-{index}")), ("price", S(price))) });
                }

                await import.RequestStream.WriteAsync(request);
            }

            await import.RequestStream.CompleteAsync();
            var result = await import;
            Assert.Equal((1198L, 0L, 2L), (result.CreatedCount, result.UpdatedCount, result.FailedCount));
            Assert.Equal([7L, 901L], result.Errors.Select(e => e.Index));
            Assert.All(result.Errors, e => Assert.Equal("entity.attributes.price", e.Field));
        }

        using (var upsert = w.Entities.ImportEntities())
        {
            await upsert.RequestStream.WriteAsync(new ImportEntitiesRequest
            {
                Parent = w.Parent,
                Mode = ImportMode.Upsert,
                UpsertKey = "sku",
                Entities =
                {
                    new Entity { Attributes = Attrs(("sku", S("I-1")), ("price", S("99"))) },
                    new Entity { Name = "fresh", Attributes = Attrs(("sku", S("I-new")), ("price", S("1"))) },
                },
            });
            await upsert.RequestStream.CompleteAsync();
            var result = await upsert;
            Assert.Equal((1L, 1L, 0L), (result.CreatedCount, result.UpdatedCount, result.FailedCount));
        }

        Assert.Equal("1", (await w.Entities.GetEntityAsync(new GetEntityRequest { Name = $"{w.Parent}/entities/fresh" })).Attributes.Fields["price"].StringValue);
        var exported = new List<Entity>();
        using var export = w.Entities.ExportEntities(new ExportEntitiesRequest { Parent = w.Parent });
        await foreach (var entity in export.ResponseStream.ReadAllAsync())
        {
            exported.Add(entity);
        }

        Assert.Equal(1199, exported.Count);
        Assert.Equal(exported.Select(e => e.Name).Order(StringComparer.Ordinal), exported.Select(e => e.Name));
        Assert.Equal("99", exported.Single(e => e.Attributes.Fields["sku"].StringValue == "I-1").Attributes.Fields["price"].StringValue);
    }

    [Fact]
    public async Task Entities_are_served_over_rest_and_grpc_web()
    {
        var w = await EntityWorld.CreateAsync(fx);
        var created = await fx.Rest.PostAsJsonAsync($"/v1/{w.Parent}/entities?entity_id=rest-1&request_id={Guid.NewGuid()}",
            new { attributes = new { sku = "R-1", price = "4.20", qty = "7" } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var list = await fx.Rest.GetFromJsonAsync<JsonElement>($"/v1/{w.Parent}/entities?filter={Uri.EscapeDataString("attributes.qty = 7")}");
        var entity = Assert.Single(list.GetProperty("entities").EnumerateArray());
        Assert.Equal("4.2", entity.GetProperty("attributes").GetProperty("price").GetString());

        var bad = await fx.Rest.PostAsJsonAsync($"/v1/{w.Parent}/entities", new { attributes = new { price = "x" } });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);

        var web = new EntityService.EntityServiceClient(fx.GrpcWebOperator);
        var got = await web.GetEntityAsync(new GetEntityRequest { Name = $"{w.Parent}/entities/rest-1" });
        Assert.Equal("R-1", got.Attributes.Fields["sku"].StringValue);
        var aggregate = await web.AggregateEntitiesAsync(new AggregateEntitiesRequest
        {
            Parent = w.Parent,
            Aggregations = { new Aggregation { Function = AggregateFunction.Count } },
        });
        Assert.Equal(1, aggregate.Groups.Single().Count);
    }
}
