using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Reflection.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Host;

public sealed class SqliteSurfaceTests(SqliteHostFixture fx) : SurfaceContractTests<SqliteHostFixture>(fx);

public sealed class PostgresSurfaceTests(PostgresHostFixture fx) : SurfaceContractTests<PostgresHostFixture>(fx);

/// <summary>The same service over REST (JSON transcoding) and gRPC-Web, plus the operator surfaces.</summary>
public abstract class SurfaceContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static string NewId() => "r" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Rest_create_get_list_update_delete()
    {
        var id = NewId();
        var create = await fx.Rest.PostAsJsonAsync($"/v1/tenants?tenant_id={id}&request_id={Guid.NewGuid()}",
            new { display_name = "Rest Co", tier = "TIER_STANDARD", labels = new { team = "core" } });
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var created = await create.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"tenants/{id}", created.GetProperty("name").GetString());
        Assert.Equal("TIER_STANDARD", created.GetProperty("tier").GetString());

        var got = await fx.Rest.GetFromJsonAsync<JsonElement>($"/v1/tenants/{id}");
        Assert.Equal("Rest Co", got.GetProperty("displayName").GetString());

        var list = await fx.Rest.GetFromJsonAsync<JsonElement>("/v1/tenants?page_size=1000&filter=tier%20%3D%20STANDARD");
        Assert.Contains(list.GetProperty("tenants").EnumerateArray(), t => t.GetProperty("tenantId").GetString() == id);

        var patch = await fx.Rest.PatchAsJsonAsync($"/v1/tenants/{id}?update_mask=display_name",
            new { display_name = "Renamed", etag = got.GetProperty("etag").GetString() });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Renamed", (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());

        var suspend = await fx.Rest.PostAsJsonAsync($"/v1/tenants/{id}:suspend", new { });
        Assert.Equal("STATE_SUSPENDED", (await suspend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var delete = await fx.Rest.DeleteAsync($"/v1/tenants/{id}");
        Assert.Equal("STATE_DELETED", (await delete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("POST", "/v1/tenants?tenant_id=Bad_Id", "{\"display_name\":\"x\"}", HttpStatusCode.BadRequest, "VALIDATION_FAILED")]
    [InlineData("GET", "/v1/tenants/nobody-here", null, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND")]
    [InlineData("GET", "/v1/tenants?page_token=zzz", null, HttpStatusCode.BadRequest, "INVALID_PAGE_TOKEN")]
    public async Task Rest_errors_carry_the_http_status_and_json_status_body(string method, string url, string? body, HttpStatusCode expected, string reason)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await fx.Rest.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        var details = status.GetProperty("details").EnumerateArray().ToList();
        var info = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal(reason, info.GetProperty("reason").GetString());
        Assert.Equal("platform.api", info.GetProperty("domain").GetString());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Rest_duplicate_is_http_409_naming_the_resource()
    {
        var id = NewId();
        await fx.Rest.PostAsJsonAsync($"/v1/tenants?tenant_id={id}", new { display_name = "x" });
        var again = await fx.Rest.PostAsJsonAsync($"/v1/tenants?tenant_id={id}", new { display_name = "x" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"tenants/{id}", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grpc_web_reaches_the_same_service()
    {
        var id = NewId();
        var web = new TenantService.TenantServiceClient(fx.GrpcWebOperator);
        var created = await web.CreateTenantAsync(new CreateTenantRequest { TenantId = id, Tenant = new Tenant { DisplayName = "Web" } });

        Assert.Equal(created, await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = created.Name }));
        await Errors.AssertFailsAsync(() => web.GetTenantAsync(new GetTenantRequest { Name = "tenants/missing-one" }).ResponseAsync,
            Grpc.Core.StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Reflection_lists_the_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fx.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("platform.tenancy.v1.TenantService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Health_is_not_serving_until_the_database_is_migrated()
    {
        await using var factory = await fx.CreateIsolatedHostAsync(new() { ["Platform:Storage:MigrateOnStartup"] = "false" });
        using var channel = HostFixture.ChannelFor(factory);
        var health = new Health.HealthClient(channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await factory.CreateClient().GetAsync("/healthz")).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal("Healthy", await factory.CreateClient().GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Metrics_count_requests_by_method_status_and_tenant()
    {
        var id = NewId();
        await fx.Tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = id, Tenant = new Tenant { DisplayName = "m" } });
        await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = $"tenants/{id}" });

        var scrape = await fx.Rest.GetStringAsync("/metrics");
        Assert.Contains($"platform_rpc_requests_total{{method=\"/platform.tenancy.v1.TenantService/GetTenant\",code=\"OK\",tenant=\"{id}\"}}", scrape, StringComparison.Ordinal);
        Assert.Contains("platform_rpc_duration_seconds_bucket{method=\"/platform.tenancy.v1.TenantService/GetTenant\",code=\"OK\"", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_call_logs_method_tenant_status_and_duration()
    {
        var id = NewId();
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = $"tenants/{id}" }).ResponseAsync);

        Assert.Contains(fx.Logs.Lines, l => l.Contains($"RPC /platform.tenancy.v1.TenantService/GetTenant tenant={id} status=NotFound in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cors_allows_configured_origins_and_exposes_grpc_status()
    {
        await using var factory = await fx.CreateIsolatedHostAsync(new() { ["Platform:Cors:Origins:0"] = "https://app.example.com" });
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/platform.tenancy.v1.TenantService/GetTenant");
        preflight.Headers.Add("Origin", "https://app.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-grpc-web");
        var allowed = await client.SendAsync(preflight);
        Assert.Equal("https://app.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var other = new HttpRequestMessage(HttpMethod.Options, "/platform.tenancy.v1.TenantService/GetTenant");
        other.Headers.Add("Origin", "https://evil.example.net");
        other.Headers.Add("Access-Control-Request-Method", "POST");
        Assert.False((await client.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        get.Headers.Add("Origin", "https://app.example.com");
        var response = await client.SendAsync(get);
        Assert.Contains("grpc-status", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }
}
