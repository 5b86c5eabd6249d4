using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Audit.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Isolation;

public sealed class SqliteIsolationBatteryTests(SqliteHostFixture fx) : IsolationBatteryTests<SqliteHostFixture>(fx);

public sealed class PostgresIsolationBatteryTests(PostgresHostFixture fx) : IsolationBatteryTests<PostgresHostFixture>(fx);

/// <summary>
/// The isolation proof. Two tenants with one resource of every type; then, for every unary RPC the
/// SDK's descriptors contain (discovered, never listed), tenant A tries to reach tenant B's
/// resources four ways. Every attempt must be refused with PERMISSION_DENIED (403 over REST) — no
/// success, no NOT_FOUND that would confirm existence — and B must be unchanged afterwards.
/// </summary>
public abstract class IsolationBatteryTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Tenant_a_cannot_reach_tenant_b_through_any_rpc()
    {
        var a = await TenantWorld.CreateAsync(fx);
        var b = await TenantWorld.CreateAsync(fx);
        var before = await SnapshotAsync(b);
        var asA = fx.As(a.Secret);
        var asB = fx.As(b.Secret);
        using var onBHost = fx.ChannelForHost($"{b.Tenant.Subdomain}.platform.test");
        var asAOnBHost = HostFixture.WithCredential(onBHost, a.Secret);
        using var rest = fx.RestAs(a.Secret);

        var leaks = new List<string>();
        var attempts = 0;
        foreach (var rpc in RpcCatalog.All.Where(r => r.IsUnary))
        {
            var pattern = rpc.ResourcePattern;
            var bResource = pattern is null ? null : b.Fill(pattern);
            var aResource = pattern is null ? null : a.Fill(pattern);
            if (pattern is not null && (bResource is null || aResource is null))
            {
                continue; // a platform-level binding: covered by the operator-only checks
            }

            if (pattern is null && await SharedCatalogAsync(asA, asB, rpc))
            {
                attempts++;
                continue; // a platform-wide catalog (plans): the same answer for everyone, no tenant's data
            }

            var cases = new (string How, CallInvoker Invoker, string? Resource)[]
            {
                ("A's key, B's resource", asA, bResource),
                ("B's key, A's resource", asB, aResource),
                ("A's key on B's subdomain, A's resource", asAOnBHost, aResource),
                ("A's key on B's subdomain, B's resource", asAOnBHost, bResource),
            };
            foreach (var (how, invoker, resource) in cases)
            {
                attempts++;
                var outcome = await CallAsync(invoker, rpc, resource);
                if (outcome != StatusCode.PermissionDenied)
                {
                    leaks.Add($"{rpc.FullName} [{how}] → {outcome}");
                }
            }

            if (bResource is not null && rpc.HttpPath.Length > 0)
            {
                attempts++;
                var status = await RestAsync(rest, rpc, b);
                if (status != HttpStatusCode.Forbidden)
                {
                    leaks.Add($"{rpc.HttpVerb} {rpc.HttpPath} [REST, A's key, B's path] → {(int)status}");
                }
            }
        }

        Assert.True(leaks.Count == 0, $"{leaks.Count} of {attempts} attempts were not refused:\n" + string.Join('\n', leaks));
        Assert.True(attempts >= 4 * 25, $"Only {attempts} attempts: RPC discovery found too little.");
        Assert.Equal(before, await SnapshotAsync(b));
    }

    [Fact]
    public async Task Lists_never_show_another_tenants_resources()
    {
        var a = await TenantWorld.CreateAsync(fx);
        var b = await TenantWorld.CreateAsync(fx);
        var access = new AccessService.AccessServiceClient(fx.As(a.Secret));

        var keys = await access.ListApiKeysAsync(new ListApiKeysRequest { Parent = a.Tenant.Name, PageSize = 1000 });
        var members = await access.ListMembersAsync(new ListMembersRequest { Parent = a.Tenant.Name, PageSize = 1000 });
        var roles = await access.ListRolesAsync(new ListRolesRequest { Parent = a.Tenant.Name, PageSize = 1000 });
        var events = await new AuditService.AuditServiceClient(fx.As(a.Secret)).ListAuditEventsAsync(new ListAuditEventsRequest { Parent = a.Tenant.Name, PageSize = 1000 });

        var names = keys.ApiKeys.Select(k => k.Name).Concat(members.Members.Select(m => m.Name))
            .Concat(roles.Roles.Select(r => r.Name)).Concat(events.AuditEvents.Select(e => e.Name)).ToList();
        Assert.Contains(a.KeyName, names);
        Assert.DoesNotContain(names, n => n.StartsWith(b.Tenant.Name + "/", StringComparison.Ordinal));
        Assert.All(events.AuditEvents, e => Assert.Equal(a.Tenant.Name, e.Tenant));
    }

    /// <summary>True when a resource-less RPC answers both tenants successfully with identical bytes.</summary>
    private static async Task<bool> SharedCatalogAsync(CallInvoker asA, CallInvoker asB, RpcInfo rpc)
    {
        try
        {
            var fromA = await asA.AsyncUnaryCall(rpc.ToMethod(), null, new CallOptions(), rpc.RequestFor(null));
            var fromB = await asB.AsyncUnaryCall(rpc.ToMethod(), null, new CallOptions(), rpc.RequestFor(null));
            return fromA.ToByteString() == fromB.ToByteString();
        }
        catch (RpcException)
        {
            return false;
        }
    }

    private static async Task<StatusCode> CallAsync(CallInvoker invoker, RpcInfo rpc, string? resource)
    {
        try
        {
            await invoker.AsyncUnaryCall(rpc.ToMethod(), null, new CallOptions(), rpc.RequestFor(resource));
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static async Task<HttpStatusCode> RestAsync(HttpClient rest, RpcInfo rpc, TenantWorld b)
    {
        var path = rpc.HttpPath;
        var open = path.IndexOf('{', StringComparison.Ordinal);
        var close = path.IndexOf('}', open);
        var url = path[..open] + b.Fill(rpc.ResourcePattern!) + path[(close + 1)..];
        using var request = new HttpRequestMessage(new HttpMethod(rpc.HttpVerb), url);
        if (rpc.HttpVerb is not ("GET" or "DELETE"))
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return (await rest.SendAsync(request)).StatusCode;
    }

    /// <summary>Everything of B an attack could change, as one comparable value.</summary>
    private async Task<string> SnapshotAsync(TenantWorld b)
    {
        var tenant = await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = b.Tenant.Name });
        var access = new AccessService.AccessServiceClient(fx.Operator);
        var keys = await access.ListApiKeysAsync(new ListApiKeysRequest { Parent = b.Tenant.Name, PageSize = 1000 });
        var members = await access.ListMembersAsync(new ListMembersRequest { Parent = b.Tenant.Name, PageSize = 1000 });
        var roles = await access.ListRolesAsync(new ListRolesRequest { Parent = b.Tenant.Name, PageSize = 1000 });
        var types = await new Platform.Eav.V1.EntityTypeService.EntityTypeServiceClient(fx.Operator)
            .ListEntityTypesAsync(new Platform.Eav.V1.ListEntityTypesRequest { Parent = b.Tenant.Name, PageSize = 1000 });
        var entities = await new Platform.Eav.V1.EntityService.EntityServiceClient(fx.Operator)
            .ListEntitiesAsync(new Platform.Eav.V1.ListEntitiesRequest { Parent = b.EntityTypeName, PageSize = 1000, ShowDeleted = true });
        // B's own key still works, and nothing B owns moved.
        await new TenantService.TenantServiceClient(fx.As(b.Secret)).GetTenantAsync(new GetTenantRequest { Name = b.Tenant.Name });
        return string.Join('|',
            tenant.Etag, tenant.State,
            string.Join(',', keys.ApiKeys.Select(k => $"{k.Name}:{k.State}:{string.Join('+', k.Roles)}")),
            string.Join(',', members.Members.Select(m => $"{m.Name}:{m.Etag}")),
            string.Join(',', roles.Roles.Select(r => $"{r.Name}:{r.Etag}")),
            string.Join(',', types.EntityTypes.Select(t => $"{t.Name}:{t.Etag}")),
            string.Join(',', entities.Entities.Select(e => $"{e.Name}:{e.Etag}")));
    }
}
