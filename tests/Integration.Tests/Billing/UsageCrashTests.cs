using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Platform.Access.V1;
using Platform.Billing.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Billing;

/// <summary>
/// The host process is killed with SIGKILL while a client streams usage batches with retries; after
/// a restart the client finishes, and the store holds exactly the events the client had acknowledged
/// (each batch is retried with the same keys until acknowledged), each counted once.
/// </summary>
public sealed class UsageCrashTests : IAsyncLifetime
{
    private const int Batches = 60;
    private const int BatchSize = 50;
    private readonly string _database = $"platform_test_{Guid.NewGuid():N}";
    private readonly string _operatorKey = Platform.Domain.Access.ApiKeySecret.Generate();
    private HostProcess _host = null!;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresHostFixture.ServerConnectionString) { Database = _database }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        await using (var conn = new NpgsqlConnection(PostgresHostFixture.ServerConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        _host = new HostProcess(new Dictionary<string, string>
        {
            ["Platform:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Platform"] = ConnectionString,
            ["Platform:Bootstrap:OperatorKey"] = _operatorKey,
            ["Platform:BaseDomain"] = "platform.test",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _host.StartAsync();
    }

    [Fact]
    public async Task Killing_the_host_mid_stream_loses_and_doubles_nothing_the_client_was_told()
    {
        using var setup = GrpcChannel.ForAddress(_host.Address);
        var op = HostFixture.WithCredential(setup, _operatorKey);
        var tenantId = TenantSetup.NewId("crash");
        await new PlanService.PlanServiceClient(op).CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = tenantId, Plan = new Plan { DisplayName = "crash", Limits = { new Limit { Metric = "api_calls", Window = LimitWindow.Second, Unlimited = true } } },
        });
        var tenant = await new TenantService.TenantServiceClient(op).CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = tenantId, Tenant = new Tenant { DisplayName = "crash", Plan = $"plans/{tenantId}" },
        });
        var key = await new AccessService.AccessServiceClient(op).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = tenant.Name, ApiKey = new ApiKey { DisplayName = "client", Roles = { "admin" } },
        });

        // Four senders stream the batches; a killer kills the host twice while they are in flight.
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var failures = 0;
        var next = -1;
        async Task SenderAsync()
        {
            while (Interlocked.Increment(ref next) is var b && b < Batches)
            {
                var request = new RecordUsageEventsRequest { Parent = tenant.Name };
                for (var i = 0; i < BatchSize; i++)
                {
                    request.Events.Add(new UsageEvent
                    {
                        Metric = "tokens", Quantity = "1", IdempotencyKey = $"b{b}-e{i}",
                        EventTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                    });
                }

                await SendUntilAcknowledgedAsync(key.Secret, request, () => Interlocked.Increment(ref failures));
                lock (acknowledged)
                {
                    acknowledged.UnionWith(request.Events.Select(e => e.IdempotencyKey));
                }
            }
        }

        int Acknowledged()
        {
            lock (acknowledged)
            {
                return acknowledged.Count;
            }
        }

        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(SenderAsync)).ToList();
        foreach (var share in new[] { 3, 2 })
        {
            while (Acknowledged() < Batches * BatchSize / share)
            {
                await Task.Delay(5);
            }

            await _host.KillAsync();
            await _host.StartAsync();
        }

        await Task.WhenAll(senders);

        Assert.Equal(Batches * BatchSize, acknowledged.Count);
        var (rows, total) = await StoredAsync(tenantId);
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.Equal(acknowledged.Count, total);
        Assert.True(failures > 0, "The kills should have failed some calls that were then retried.");
    }

    private async Task SendUntilAcknowledgedAsync(string secret, RecordUsageEventsRequest request, Action failed)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                using var channel = GrpcChannel.ForAddress(_host.Address);
                var client = new UsageService.UsageServiceClient(HostFixture.WithCredential(channel, secret));
                await client.RecordUsageEventsAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
                                             or StatusCode.Cancelled or StatusCode.Unknown && DateTime.UtcNow < deadline)
            {
                failed();
                await Task.Delay(100);
            }
        }
    }

    private async Task<(List<string> Keys, decimal Total)> StoredAsync(string tenantId)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT idempotency_key, quantity FROM usage_events WHERE tenant_id = @t AND metric = 'tokens'", conn);
        cmd.Parameters.AddWithValue("t", tenantId);
        var keys = new List<string>();
        var total = 0m;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
            total += decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        }

        return (keys, total);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(PostgresHostFixture.ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
