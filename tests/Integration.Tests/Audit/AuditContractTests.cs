using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Audit.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Audit;

public sealed class SqliteAuditTests(SqliteHostFixture fx) : AuditContractTests<SqliteHostFixture>(fx);

public sealed class PostgresAuditTests(PostgresHostFixture fx) : AuditContractTests<PostgresHostFixture>(fx);

/// <summary>
/// The AuditService contract: events are written by the host in batches off the request path, so
/// every test makes its calls and then polls until they are visible.
/// </summary>
public abstract class AuditContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private const string UpdateTenant = "/platform.tenancy.v1.TenantService/UpdateTenant";
    private const string GetTenant = "/platform.tenancy.v1.TenantService/GetTenant";
    private const string CreateApiKey = "/platform.access.v1.AccessService/CreateApiKey";

    private AuditService.AuditServiceClient Audit => new(fx.Operator);

    [Fact]
    public async Task Mutating_calls_are_recorded_newest_first_and_reads_are_not()
    {
        var tenant = await CreateTenantAsync();
        await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name });
        await RenameAsync(tenant, "First");
        await RenameAsync(tenant, "Second");

        var events = await WaitForAsync(tenant.Name, $"method = \"{UpdateTenant}\"", 2);

        Assert.All(events, e =>
        {
            Assert.StartsWith($"{tenant.Name}/auditEvents/", e.Name, StringComparison.Ordinal);
            Assert.Equal(tenant.Name, e.Tenant);
            Assert.Equal(tenant.Name, e.Resource);
            Assert.Equal(UpdateTenant, e.Method);
            Assert.Equal("OK", e.Outcome);
            Assert.StartsWith("apiKeys/", e.Principal, StringComparison.Ordinal);
            Assert.InRange(e.EventTime.ToDateTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        });
        Assert.True(events[0].EventTime >= events[1].EventTime);
        Assert.Equal(events[0], await Audit.GetAuditEventAsync(new GetAuditEventRequest { Name = events[0].Name }));

        // The reads happened before the writes, and batches are written in order.
        Assert.Empty(await ListAllAsync(tenant.Name, $"method = \"{GetTenant}\""));
    }

    [Fact]
    public async Task Pages_walk_every_event_once_newest_first()
    {
        var tenant = await CreateTenantAsync();
        for (var i = 0; i < 5; i++)
        {
            await RenameAsync(tenant, $"Name {i}");
        }

        var filter = $"method = \"{UpdateTenant}\"";
        var all = await WaitForAsync(tenant.Name, filter, 5);

        var paged = new List<AuditEvent>();
        var sizes = new List<int>();
        var token = "";
        do
        {
            var page = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = tenant.Name, Filter = filter, PageSize = 2, PageToken = token });
            paged.AddRange(page.AuditEvents);
            sizes.Add(page.AuditEvents.Count);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal(all, paged);
        Assert.Equal(paged.OrderByDescending(e => e.EventTime.ToDateTime()).ThenByDescending(e => e.Name, StringComparer.Ordinal), paged);

        var first = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = tenant.Name, Filter = filter, PageSize = 2 });
        var (_, _, bad) = await Errors.AssertFailsAsync(
            () => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = tenant.Name, PageSize = 2, PageToken = first.NextPageToken }).ResponseAsync,
            StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");
        Assert.Equal(["page_token"], bad.Fields());
    }

    [Fact]
    public async Task Event_time_bounds_split_the_log()
    {
        var tenant = await CreateTenantAsync();
        await RenameAsync(tenant, "Before");
        var before = Assert.Single(await WaitForAsync(tenant.Name, $"method = \"{UpdateTenant}\"", 1));
        await Task.Delay(20); // Distinct timestamps even on a coarse clock.
        await RenameAsync(tenant, "After");
        var after = (await WaitForAsync(tenant.Name, $"method = \"{UpdateTenant}\"", 2))[0];

        var cut = $"\"{before.EventTime.ToDateTime():O}\"";
        Assert.Equal([after], await ListAllAsync(tenant.Name, $"method = \"{UpdateTenant}\" AND event_time > {cut}"));
        Assert.Equal([before], await ListAllAsync(tenant.Name, $"event_time <= {cut} AND method = \"{UpdateTenant}\""));
        Assert.Equal([after, before], await ListAllAsync(tenant.Name, $"method = \"{UpdateTenant}\" AND event_time >= {cut}"));
        Assert.Empty(await ListAllAsync(tenant.Name, $"method = \"{UpdateTenant}\" AND event_time < {cut}"));
        Assert.Empty(await ListAllAsync(tenant.Name, $"method = \"{UpdateTenant}\" AND outcome != \"OK\""));
    }

    [Fact]
    public async Task A_denied_call_is_recorded_with_its_principal_and_reason()
    {
        var tenant = await CreateTenantAsync();
        var (keyId, secret) = await CreateKeyAsync(tenant.Name, "viewer");

        var denied = await Assert.ThrowsAsync<RpcException>(() => new TenantService.TenantServiceClient(fx.As(secret))
            .UpdateTenantAsync(new UpdateTenantRequest { Tenant = new Tenant { Name = tenant.Name, DisplayName = "Hijacked" } }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var reason = denied.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason;

        var principal = $"apiKeys/{keyId}";
        var recorded = Assert.Single(await WaitForAsync(tenant.Name, $"outcome = \"PERMISSION_DENIED\" AND principal = \"{principal}\"", 1));
        Assert.Equal(UpdateTenant, recorded.Method);
        Assert.Equal(principal, recorded.Principal);
        Assert.Equal(reason, recorded.Reason);
        Assert.Equal(tenant.Name, recorded.Tenant);

        // The viewer role cannot read the audit log either, and that refusal is itself recorded.
        var audit = new AuditService.AuditServiceClient(fx.As(secret));
        var refused = await Assert.ThrowsAsync<RpcException>(() => audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = tenant.Name }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await WaitForAsync(tenant.Name, $"method = \"/platform.audit.v1.AuditService/ListAuditEvents\" AND principal = \"{principal}\"", 1);
    }

    [Fact]
    public async Task Tenant_keys_read_only_their_own_tenant_and_operators_read_every_scope()
    {
        var mine = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        await RenameAsync(mine, "Mine");
        await RenameAsync(other, "Other");
        var (_, secret) = await CreateKeyAsync(mine.Name, "admin");
        await CreateKeyAsync("platform", "operator");

        var own = await WaitForAsync(mine.Name, $"method = \"{UpdateTenant}\"", 1);
        var audit = new AuditService.AuditServiceClient(fx.As(secret));
        var asTenant = await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = mine.Name, Filter = $"method = \"{UpdateTenant}\"" });
        Assert.Equal(own, asTenant.AuditEvents);
        Assert.Equal(own[0], await audit.GetAuditEventAsync(new GetAuditEventRequest { Name = own[0].Name }));

        foreach (var parent in new[] { other.Name, "tenants/-", "platform" })
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = parent }).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        }

        // Operators: every tenant at once, and the platform-level log on its own.
        var everyTenant = await WaitForAsync("tenants/-", $"method = \"{UpdateTenant}\"", 2,
            events => events.Any(e => e.Tenant == mine.Name) && events.Any(e => e.Tenant == other.Name));
        Assert.All(everyTenant, e => Assert.StartsWith("tenants/", e.Tenant, StringComparison.Ordinal));

        var platform = await WaitForAsync("platform", $"method = \"{CreateApiKey}\"", 1);
        Assert.All(platform, e =>
        {
            Assert.Equal("", e.Tenant);
            Assert.StartsWith("platform/auditEvents/", e.Name, StringComparison.Ordinal);
        });
        Assert.Equal(platform[0], await Audit.GetAuditEventAsync(new GetAuditEventRequest { Name = platform[0].Name }));

        // `tenants/-` is every tenant's log, which platform-level events are not part of.
        Assert.All(await ListAllAsync("tenants/-", $"method = \"{CreateApiKey}\""), e => Assert.NotEqual("", e.Tenant));

        var id = own[0].Name.Split('/')[^1];
        await Errors.AssertFailsAsync(() => Audit.GetAuditEventAsync(new GetAuditEventRequest { Name = $"{other.Name}/auditEvents/{id}" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => Audit.GetAuditEventAsync(new GetAuditEventRequest { Name = $"platform/auditEvents/{id}" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData("outcome = OK", "filter")]
    [InlineData("event_time >= \"last tuesday\"", "filter")]
    [InlineData("principal > \"apiKeys/x\"", "filter")]
    [InlineData("tenant = \"acme\"", "filter")]
    public async Task Malformed_filters_are_invalid_arguments(string filter, string field)
    {
        var (status, _, bad) = await Errors.AssertFailsAsync(
            () => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "tenants/-", Filter = filter }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal([field], bad.Fields());
        Assert.Contains("position", status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tenants")]
    [InlineData("tenants/acme/auditEvents")]
    public async Task Malformed_parents_are_invalid_arguments(string parent)
    {
        var (_, _, bad) = await Errors.AssertFailsAsync(
            () => Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = parent }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["parent"], bad.Fields());
    }

    private async Task<Tenant> CreateTenantAsync()
    {
        var id = "a" + Guid.NewGuid().ToString("N")[..12];
        return await fx.Tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = id, Tenant = new Tenant { DisplayName = $"Audit {id}" } });
    }

    private Task<Tenant> RenameAsync(Tenant tenant, string displayName) =>
        fx.Tenants.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = tenant.Name, DisplayName = displayName },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        }).ResponseAsync;

    private async Task<(string KeyId, string Secret)> CreateKeyAsync(string parent, string role)
    {
        var created = await new AccessService.AccessServiceClient(fx.Operator).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = parent,
            ApiKey = new ApiKey { DisplayName = $"{role} key", Roles = { role } },
        });
        return (created.ApiKey.Name.Split('/')[^1], created.Secret);
    }

    private async Task<List<AuditEvent>> ListAllAsync(string parent, string filter)
    {
        var events = new List<AuditEvent>();
        var token = "";
        do
        {
            var page = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = parent, Filter = filter, PageToken = token, PageSize = 100 });
            events.AddRange(page.AuditEvents);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return events;
    }

    /// <summary>Polls until at least <paramref name="count"/> events match (the writer flushes every ~50 ms in tests).</summary>
    private async Task<List<AuditEvent>> WaitForAsync(string parent, string filter, int count, Func<List<AuditEvent>, bool>? until = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var events = await ListAllAsync(parent, filter);
            if (events.Count >= count && (until?.Invoke(events) ?? true))
            {
                return events;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Expected {count} audit events under {parent} matching {filter}; found {events.Count}.");
            }

            await Task.Delay(50);
        }
    }
}
