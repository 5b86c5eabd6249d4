using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Tenancy;

public sealed class SqliteTenantTests(SqliteHostFixture fx) : TenantContractTests<SqliteHostFixture>(fx);

public sealed class PostgresTenantTests(PostgresHostFixture fx) : TenantContractTests<PostgresHostFixture>(fx);

/// <summary>The TenantService contract over gRPC; every provider runs exactly these tests.</summary>
public abstract class TenantContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    protected TenantService.TenantServiceClient Tenants => fx.Tenants;

    internal static string NewId() => "t" + Guid.NewGuid().ToString("N")[..12];

    protected Task<Tenant> CreateAsync(string id, Tenant? tenant = null, string? requestId = null) =>
        Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = id,
            Tenant = tenant ?? new Tenant { DisplayName = $"Tenant {id}" },
            RequestId = requestId ?? "",
        }).ResponseAsync;

    [Fact]
    public async Task Create_then_get_returns_the_stored_tenant_with_defaults()
    {
        var id = NewId();
        var created = await CreateAsync(id, new Tenant { DisplayName = " Acme Corp ", Labels = { ["env"] = "prod" }, CustomDomains = { new CustomDomain { Domain = "app.acme.com" } } });
        var fetched = await Tenants.GetTenantAsync(new GetTenantRequest { Name = $"tenants/{id}" });

        Assert.Equal(created, fetched);
        Assert.Equal($"tenants/{id}", fetched.Name);
        Assert.Equal(id, fetched.TenantId);
        Assert.Equal("Acme Corp", fetched.DisplayName);
        Assert.Equal(Tenant.Types.Tier.Free, fetched.Tier);
        Assert.Equal(Tenant.Types.State.Active, fetched.State);
        Assert.Equal(id, fetched.Subdomain);
        Assert.Equal("UTC", fetched.TimeZone);
        Assert.Equal("prod", fetched.Labels["env"]);
        Assert.False(Assert.Single(fetched.CustomDomains).Verified);
        Assert.NotEmpty(fetched.Etag);
        Assert.InRange(fetched.CreateTime.ToDateTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Null(fetched.PurgeTime);
    }

    [Fact]
    public async Task Invalid_create_names_every_bad_field_and_writes_nothing()
    {
        var id = NewId();
        var (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(id, new Tenant
        {
            DisplayName = "",
            TimeZone = "Mars/Olympus_Mons",
            Subdomain = "NOT_A_LABEL",
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");

        Assert.Equal(["tenant.display_name", "tenant.subdomain", "tenant.time_zone"], bad.Fields().Order());
        await Errors.AssertFailsAsync(() => Tenants.GetTenantAsync(new GetTenantRequest { Name = $"tenants/{id}" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("-dash")]
    [InlineData("ends-")]
    public async Task Invalid_tenant_id_is_rejected(string id)
    {
        var (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(id), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["tenant_id"], bad.Fields());
    }

    [Fact]
    public async Task Duplicate_id_and_subdomain_are_already_exists()
    {
        var id = NewId();
        await CreateAsync(id);

        var (_, info, _) = await Errors.AssertFailsAsync(() => CreateAsync(id), StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");
        Assert.Equal($"tenants/{id}", info.Metadata["resource"]);

        var (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(NewId(), new Tenant { DisplayName = "x", Subdomain = id }),
            StatusCode.AlreadyExists, "VALUE_ALREADY_TAKEN");
        Assert.Equal(["tenant.subdomain"], bad.Fields());
    }

    [Fact]
    public async Task Retry_with_the_same_request_id_returns_the_first_result()
    {
        var id = NewId();
        var requestId = Guid.NewGuid().ToString();
        var first = await CreateAsync(id, requestId: requestId);
        var retry = await CreateAsync(id, requestId: requestId);

        Assert.Equal(first, retry);

        var (_, _, bad) = await Errors.AssertFailsAsync(
            () => CreateAsync(id, new Tenant { DisplayName = "Different" }, requestId), StatusCode.InvalidArgument, "REQUEST_ID_REUSED");
        Assert.Equal(["request_id"], bad.Fields());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_request_id_create_one_tenant()
    {
        var id = NewId();
        var requestId = Guid.NewGuid().ToString();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CreateAsync(id, requestId: requestId)));

        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    [Fact]
    public async Task Update_changes_only_masked_fields_and_advances_the_etag()
    {
        var id = NewId();
        var created = await CreateAsync(id, new Tenant { DisplayName = "Before", Labels = { ["a"] = "1" } });

        var updated = await Tenants.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = created.Name, DisplayName = "After", Tier = Tenant.Types.Tier.Vip, TimeZone = "Asia/Shanghai", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "display_name", "tier" } },
        });

        Assert.Equal("After", updated.DisplayName);
        Assert.Equal(Tenant.Types.Tier.Vip, updated.Tier);
        Assert.Equal("UTC", updated.TimeZone);
        Assert.Equal("1", updated.Labels["a"]);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.True(updated.UpdateTime > created.UpdateTime);
        Assert.Equal(updated, await Tenants.GetTenantAsync(new GetTenantRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Update_without_mask_applies_populated_fields()
    {
        var created = await CreateAsync(NewId());
        var updated = await Tenants.UpdateTenantAsync(new UpdateTenantRequest { Tenant = new Tenant { Name = created.Name, TimeZone = "Europe/Berlin" } });

        Assert.Equal("Europe/Berlin", updated.TimeZone);
        Assert.Equal(created.DisplayName, updated.DisplayName);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_or_unknown_path_fails_and_changes_nothing()
    {
        var created = await CreateAsync(NewId());
        await Errors.AssertFailsAsync(() => Tenants.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = created.Name, DisplayName = "X", Etag = "999" },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }).ResponseAsync, StatusCode.FailedPrecondition, "ETAG_MISMATCH");

        var (_, _, bad) = await Errors.AssertFailsAsync(() => Tenants.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = created.Name, DisplayName = "X" },
            UpdateMask = new FieldMask { Paths = { "display_name", "state" } },
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["update_mask"], bad.Fields());

        Assert.Equal(created, await Tenants.GetTenantAsync(new GetTenantRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Update_to_a_taken_subdomain_is_already_exists()
    {
        var taken = await CreateAsync(NewId());
        var other = await CreateAsync(NewId());

        await Errors.AssertFailsAsync(() => Tenants.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = other.Name, Subdomain = taken.Subdomain },
            UpdateMask = new FieldMask { Paths = { "subdomain" } },
        }).ResponseAsync, StatusCode.AlreadyExists, "VALUE_ALREADY_TAKEN");
    }

    [Fact]
    public async Task Concurrent_updates_never_lose_a_write()
    {
        var created = await CreateAsync(NewId());
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                await Tenants.UpdateTenantAsync(new UpdateTenantRequest
                {
                    Tenant = new Tenant { Name = created.Name, DisplayName = $"Name {i}" },
                    UpdateMask = new FieldMask { Paths = { "display_name" } },
                });
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        // Every call either won or was told to retry; the version counts exactly the winners.
        Assert.All(outcomes, c => Assert.True(c is StatusCode.OK or StatusCode.Aborted, c.ToString()));
        var final = await Tenants.GetTenantAsync(new GetTenantRequest { Name = created.Name });
        Assert.Equal((1 + outcomes.Count(c => c == StatusCode.OK)).ToString(System.Globalization.CultureInfo.InvariantCulture), final.Etag);
    }

    [Fact]
    public async Task Delete_hides_the_tenant_until_undeleted()
    {
        var created = await CreateAsync(NewId());
        var deleted = await Tenants.DeleteTenantAsync(new DeleteTenantRequest { Name = created.Name, Etag = created.Etag });

        Assert.Equal(Tenant.Types.State.Deleted, deleted.State);
        Assert.Equal(TimeSpan.FromDays(30), deleted.PurgeTime.ToDateTime() - deleted.DeleteTime.ToDateTime());
        Assert.Equal(deleted, await Tenants.GetTenantAsync(new GetTenantRequest { Name = created.Name }));
        Assert.DoesNotContain(await ListAllAsync(new ListTenantsRequest()), t => t.Name == created.Name);
        Assert.Contains(await ListAllAsync(new ListTenantsRequest { ShowDeleted = true }), t => t.Name == created.Name);
        Assert.Equal(deleted, await Tenants.DeleteTenantAsync(new DeleteTenantRequest { Name = created.Name }));

        await Errors.AssertFailsAsync(() => Tenants.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = created.Name, DisplayName = "X" },
        }).ResponseAsync, StatusCode.FailedPrecondition, "INVALID_STATE");
        await Errors.AssertFailsAsync(() => Tenants.SuspendTenantAsync(new SuspendTenantRequest { Name = created.Name }).ResponseAsync,
            StatusCode.FailedPrecondition, "INVALID_STATE");

        var restored = await Tenants.UndeleteTenantAsync(new UndeleteTenantRequest { Name = created.Name });
        Assert.Equal(Tenant.Types.State.Active, restored.State);
        Assert.Null(restored.PurgeTime);
        await Errors.AssertFailsAsync(() => Tenants.UndeleteTenantAsync(new UndeleteTenantRequest { Name = created.Name }).ResponseAsync,
            StatusCode.FailedPrecondition, "INVALID_STATE");
    }

    [Fact]
    public async Task Suspend_and_resume_are_idempotent_state_changes()
    {
        var created = await CreateAsync(NewId());
        var suspended = await Tenants.SuspendTenantAsync(new SuspendTenantRequest { Name = created.Name, Etag = created.Etag });
        Assert.Equal(Tenant.Types.State.Suspended, suspended.State);
        Assert.Equal(suspended, await Tenants.SuspendTenantAsync(new SuspendTenantRequest { Name = created.Name }));

        await Errors.AssertFailsAsync(() => Tenants.ResumeTenantAsync(new ResumeTenantRequest { Name = created.Name, Etag = created.Etag }).ResponseAsync,
            StatusCode.FailedPrecondition, "ETAG_MISMATCH");
        var resumed = await Tenants.ResumeTenantAsync(new ResumeTenantRequest { Name = created.Name, Etag = suspended.Etag });
        Assert.Equal(Tenant.Types.State.Active, resumed.State);
    }

    [Fact]
    public async Task Unknown_or_malformed_names_are_not_found_or_invalid()
    {
        await Errors.AssertFailsAsync(() => Tenants.GetTenantAsync(new GetTenantRequest { Name = $"tenants/{NewId()}" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        var (_, _, bad) = await Errors.AssertFailsAsync(() => Tenants.DeleteTenantAsync(new DeleteTenantRequest { Name = "acme" }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["name"], bad.Fields());
    }

    [Fact]
    public async Task List_pages_through_every_tenant_once_in_creation_order()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateAsync(NewId())).Name);
        }

        var ascending = (await ListAllAsync(new ListTenantsRequest { PageSize = 2 })).Select(t => t.Name).ToList();
        var descending = (await ListAllAsync(new ListTenantsRequest { PageSize = 3, OrderBy = "create_time desc" })).Select(t => t.Name).ToList();

        Assert.Equal(ascending.Distinct().Count(), ascending.Count);
        Assert.Equal(ids, ascending.Where(ids.Contains));
        Assert.Equal(Enumerable.Reverse(ascending), descending);
    }

    [Fact]
    public async Task List_filters_by_state_and_tier()
    {
        var vip = await CreateAsync(NewId(), new Tenant { DisplayName = "v", Tier = Tenant.Types.Tier.Vip });
        var suspended = await CreateAsync(NewId(), new Tenant { DisplayName = "s", Tier = Tenant.Types.Tier.Vip });
        await Tenants.SuspendTenantAsync(new SuspendTenantRequest { Name = suspended.Name });

        var activeVip = await ListAllAsync(new ListTenantsRequest { Filter = "tier = VIP AND state = STATE_ACTIVE" });
        Assert.Contains(activeVip, t => t.Name == vip.Name);
        Assert.DoesNotContain(activeVip, t => t.Name == suspended.Name);
        Assert.All(activeVip, t => Assert.Equal(Tenant.Types.Tier.Vip, t.Tier));

        var notActive = await ListAllAsync(new ListTenantsRequest { Filter = "state != ACTIVE" });
        Assert.Contains(notActive, t => t.Name == suspended.Name);
        Assert.All(notActive, t => Assert.NotEqual(Tenant.Types.State.Active, t.State));
    }

    [Fact]
    public async Task List_rejects_bad_parameters_with_field_violations()
    {
        await CreateAsync(NewId());
        await CreateAsync(NewId());
        var page = await Tenants.ListTenantsAsync(new ListTenantsRequest { PageSize = 1 });
        Assert.NotEmpty(page.NextPageToken);

        var cases = new (ListTenantsRequest Request, string Reason, string Field)[]
        {
            (new() { Filter = "tier = GOLD" }, "VALIDATION_FAILED", "filter"),
            (new() { OrderBy = "display_name" }, "VALIDATION_FAILED", "order_by"),
            (new() { PageSize = -1 }, "VALIDATION_FAILED", "page_size"),
            (new() { PageToken = "garbage!" }, "INVALID_PAGE_TOKEN", "page_token"),
            (new() { PageSize = 1, PageToken = page.NextPageToken, Filter = "tier = VIP" }, "INVALID_PAGE_TOKEN", "page_token"),
        };
        foreach (var (request, reason, field) in cases)
        {
            var (_, _, bad) = await Errors.AssertFailsAsync(() => Tenants.ListTenantsAsync(request).ResponseAsync, StatusCode.InvalidArgument, reason);
            Assert.Equal([field], bad.Fields());
        }
    }

    private async Task<List<Tenant>> ListAllAsync(ListTenantsRequest request)
    {
        var all = new List<Tenant>();
        do
        {
            var page = await Tenants.ListTenantsAsync(request);
            all.AddRange(page.Tenants);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }
}
