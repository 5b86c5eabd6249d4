using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Eav.V1;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Indexing;
using Platform.Infrastructure.Persistence;
using Platform.Integration.Tests.Infrastructure;
using Platform.Integration.Tests.Quota;
using DomainAttribute = Platform.Domain.Eav.AttributeDefinition;
using DomainAttributeType = Platform.Domain.Eav.AttributeType;
using DomainType = Platform.Domain.Eav.EntityType;
using DomainTypeSpec = Platform.Domain.Eav.EntityTypeSpec;

namespace Platform.Integration.Tests.Eav;

public sealed class SqliteEntityTypeIndexTests(SqliteHostFixture fx) : EntityTypeIndexTests<SqliteHostFixture>(fx);

public sealed class PostgresEntityTypeIndexTests(PostgresHostFixture fx) : EntityTypeIndexTests<PostgresHostFixture>(fx)
{
    [Fact]
    public async Task An_invalid_index_left_by_an_interrupted_build_is_rebuilt_not_taken_for_done()
    {
        var (types, parent, tenantId) = await TenantAsync();
        await InsertEntityAsync(tenantId, "gadget", "g-1", "same");
        await InsertEntityAsync(tenantId, "gadget", "g-2", "same");
        var planned = DomainType.Create(tenantId, "gadget", new DomainTypeSpec("Gadget", "",
            [new DomainAttribute { Key = "code", Type = DomainAttributeType.String, Unique = true }], []), DateTime.UtcNow).Value;
        var index = Assert.Single(EavIndexPlanner.For(PostgresEavDialect.Instance, tenantId, planned));

        // What a crash mid-build leaves: CREATE INDEX CONCURRENTLY fails here on the duplicates.
        await Assert.ThrowsAnyAsync<DbException>(() => ScalarAsync(PostgresEavDialect.Instance.CreateIndexSql(index)));
        Assert.True(await ScalarAsync("SELECT i.indisvalid FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = @name", index.Name) is false,
            "the failed build left no INVALID index to recover from");
        await ScalarAsync($"UPDATE entities SET delete_time = now() WHERE tenant_id = '{tenantId}' AND id = 'g-2'");

        await types.CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = parent,
            EntityTypeId = "gadget",
            EntityType = new EntityType { Attributes = { new AttributeDefinition { Key = "code", Type = AttributeType.String, Unique = true } } },
        });

        await EventuallyAsync(async () => await StateAsync(types, parent, "gadget", "code") == IndexState.Ready, "code's index to be rebuilt");
        Assert.True(await IndexExistsAsync(index.Name));
    }
}

/// <summary>
/// The background index builder seen through the API (AttributeDefinition.index_state) and the
/// database's own catalog: indexes are built for what a type queries, dropped with what it no
/// longer does, and a build the data refuses is reported FAILED and retried once the type is saved again.
/// </summary>
public abstract class EntityTypeIndexTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private bool IsPostgres => fx.Provider == "Postgres";

    [Fact]
    public async Task Filterable_and_sortable_attributes_get_indexes_reported_ready()
    {
        var (types, parent, tenantId) = await TenantAsync();
        await types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "product", EntityType = Product() });

        await EventuallyAsync(async () => await StateAsync(types, parent, "product", "sku") == IndexState.Ready
            && await StateAsync(types, parent, "product", "price") == IndexState.Ready, "sku and price to be indexed");

        Assert.Equal(IndexState.Unspecified, await StateAsync(types, parent, "product", "notes"));
        var rows = await IndexRowsAsync(tenantId, "product");
        Assert.Equal(["price", "sku"], rows.Select(r => r.Attributes).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            Assert.True(await IndexExistsAsync(row.Name), $"{row.Name} ({row.Attributes}) is not in the catalog");
        }
    }

    [Fact]
    public async Task Removing_an_attribute_drops_its_index_and_keeps_the_others()
    {
        var (types, parent, tenantId) = await TenantAsync();
        var created = await types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "product", EntityType = Product() });
        await EventuallyAsync(async () => await IndexRowsAsync(tenantId, "product") is { Count: 2 } built && built.All(r => r.State == 2), "the indexes to be built");
        var rows = await IndexRowsAsync(tenantId, "product");
        var price = rows.Single(r => r.Attributes == "price").Name;
        var sku = rows.Single(r => r.Attributes == "sku").Name;

        var without = created.Clone();
        without.Attributes.Remove(without.Attributes.Single(a => a.Key == "price"));
        var updated = await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = without, UpdateMask = new() { Paths = { "attributes" } } });

        Assert.Equal(IndexState.Unspecified, updated.Attributes.Single(a => a.Key == "price").IndexState);
        await EventuallyAsync(async () => !await IndexExistsAsync(price) && (await IndexRowsAsync(tenantId, "product")).All(r => r.Name != price),
            "price's index to be dropped and forgotten");
        Assert.True(await IndexExistsAsync(sku));
        Assert.Equal(IndexState.Ready, await StateAsync(types, parent, "product", "sku"));
    }

    [Fact]
    public async Task Deleting_a_type_drops_its_indexes()
    {
        var (types, parent, tenantId) = await TenantAsync();
        await types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "product", EntityType = Product() });
        await EventuallyAsync(async () => await IndexRowsAsync(tenantId, "product") is { Count: 2 } built && built.All(r => r.State == 2), "the indexes to be built");
        var names = (await IndexRowsAsync(tenantId, "product")).Select(r => r.Name).ToList();
        Assert.Equal(2, names.Count);

        await types.DeleteEntityTypeAsync(new DeleteEntityTypeRequest { Name = $"{parent}/entityTypes/product" });

        await EventuallyAsync(async () => (await IndexRowsAsync(tenantId, "product")).Count == 0, "the type's indexes to be forgotten");
        foreach (var name in names)
        {
            Assert.False(await IndexExistsAsync(name), $"{name} outlived its type");
        }
    }

    [Fact]
    public async Task A_unique_index_over_duplicates_fails_cleanly_and_is_retried_when_the_type_is_saved_again()
    {
        // Rows the type's schema checks never saw (they are written under the type before it exists),
        // so the database itself refuses the unique index: the builder's failure path, end to end.
        var (types, parent, tenantId) = await TenantAsync();
        await InsertEntityAsync(tenantId, "badge", "b-1", "dup-value-7f3");
        await InsertEntityAsync(tenantId, "badge", "b-2", "dup-value-7f3");
        var created = await types.CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = parent,
            EntityTypeId = "badge",
            EntityType = new EntityType { Attributes = { new AttributeDefinition { Key = "code", Type = AttributeType.String, Unique = true } } },
        });

        await EventuallyAsync(async () => await StateAsync(types, parent, "badge", "code") == IndexState.Failed, "code's index to fail");
        var failed = Assert.Single(await IndexRowsAsync(tenantId, "badge"));
        Assert.False(await IndexExistsAsync(failed.Name), "a failed build left its index behind");
        Assert.False(string.IsNullOrEmpty(failed.Error));
        Assert.DoesNotContain("dup-value-7f3", failed.Error, StringComparison.Ordinal);
        // The row is marked FAILED before the warning is written: wait for the line rather than race it.
        await EventuallyAsync(() => Task.FromResult(fx.Logs.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(failed.Name, StringComparison.Ordinal))),
            "the failure to be logged");

        await ScalarAsync($"DELETE FROM entities WHERE tenant_id = '{tenantId}' AND id = 'b-2'");
        await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = new EntityType { Name = created.Name, Description = "fixed" }, UpdateMask = new() { Paths = { "description" } } });

        await EventuallyAsync(async () => await StateAsync(types, parent, "badge", "code") == IndexState.Ready, "code's index to be retried");
        Assert.True(await IndexExistsAsync(failed.Name));
        Assert.Null((await IndexRowsAsync(tenantId, "badge")).Single().Error);
    }

    private static EntityType Product() => new()
    {
        DisplayName = "Product",
        Attributes =
        {
            new AttributeDefinition { Key = "sku", Type = AttributeType.String, Filterable = true },
            new AttributeDefinition { Key = "price", Type = AttributeType.Decimal, Sortable = true },
            new AttributeDefinition { Key = "notes", Type = AttributeType.Text },
        },
    };

    protected async Task<(EntityTypeService.EntityTypeServiceClient Types, string Parent, string TenantId)> TenantAsync()
    {
        var scenario = await QuotaScenario.CreateAsync(fx, QuotaScenario.Unlimited("entity_types"));
        return (new EntityTypeService.EntityTypeServiceClient(scenario.Caller), scenario.Tenant.Name, scenario.Tenant.TenantId);
    }

    protected static async Task<IndexState> StateAsync(EntityTypeService.EntityTypeServiceClient types, string parent, string typeId, string key) =>
        (await types.GetEntityTypeAsync(new GetEntityTypeRequest { Name = $"{parent}/entityTypes/{typeId}" })).Attributes.Single(a => a.Key == key).IndexState;

    protected static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>A valid index of that name exists (PostgreSQL also keeps INVALID leftovers of failed builds).</summary>
    protected async Task<bool> IndexExistsAsync(string name) =>
        Convert.ToInt64(await ScalarAsync(IsPostgres
            ? "SELECT count(*) FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = @name AND i.indisvalid"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = @name", name), System.Globalization.CultureInfo.InvariantCulture) == 1;

    /// <summary>Writes an entity as the store would, bypassing every check of the API.</summary>
    protected Task InsertEntityAsync(string tenantId, string typeId, string id, string code) =>
        ScalarAsync($"""
            INSERT INTO entities (tenant_id, type_id, id, attrs, create_time, update_time, delete_time, version)
            VALUES ('{tenantId}', '{typeId}', '{id}', {(IsPostgres ? "CAST(@name AS jsonb)" : "@name")}, @now, @now, NULL, 1)
            """, $$"""{"code":"{{code}}"}""");

    /// <summary>The builder's rows of a type, dropped ones (state 4) until they are forgotten.</summary>
    private async Task<List<(string Name, string Attributes, int State, string? Error)>> IndexRowsAsync(string tenantId, string typeId)
    {
        var rows = new List<(string, string, int, string?)>();
        await WithConnectionAsync(async connection =>
        {
            await using var command = Command(connection,
                $"SELECT name, attribute_keys, state, error FROM eav_indexes WHERE tenant_id = '{tenantId}' AND type_id = '{typeId}'", null);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                    reader.IsDBNull(3) ? null : reader.GetString(3)));
            }

            return 0;
        });
        return rows;
    }

    /// <summary>Runs SQL on the host's database outside any transaction; <paramref name="name"/> binds @name.</summary>
    protected Task<object?> ScalarAsync(string sql, string? name = null) =>
        WithConnectionAsync(async connection =>
        {
            await using var command = Command(connection, sql, name);
            var value = await command.ExecuteScalarAsync();
            return value is DBNull ? null : value;
        });

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, Task<T>> work)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            return await work(db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, string? name)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (key, value) in new (string, object?)[] { ("name", name), ("now", DateTime.UtcNow) })
        {
            if (value is not null && sql.Contains('@' + key, StringComparison.Ordinal))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = key;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        return command;
    }
}
