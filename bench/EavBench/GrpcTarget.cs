using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Platform.Eav.V1;

namespace Platform.Bench.EavBench;

/// <summary>
/// End to end: one client with its own channel (one HTTP/2 connection) calling the platform with
/// the big tenant's admin API key — authentication, tenant resolution, permission check, rate
/// limiting (unlimited plan), audit of mutations, the handler, protobuf mapping and HTTP/2 both ways.
/// </summary>
internal sealed class GrpcTarget(GrpcChannel channel, string secret, string tenant) : ITarget
{
    private readonly EntityService.EntityServiceClient _client = new(PlatformApi.As(channel, secret));
    private readonly string _typeName = PlatformApi.TypeName(tenant);

    public async ValueTask<IReadOnlyList<string>> RunAsync(Operation op, Variant v, CancellationToken ct)
    {
        switch (op)
        {
            case Operation.Q1 or Operation.Q2 or Operation.Q3:
                var page = await _client.ListEntitiesAsync(new ListEntitiesRequest
                {
                    Parent = _typeName,
                    PageSize = Workload.PageSize,
                    Filter = Workload.Filter(op, v),
                    OrderBy = Workload.OrderBy(op),
                }, cancellationToken: ct);
                return [.. page.Entities.Select(e => IdOf(e.Name))];
            case Operation.Get:
                var got = await _client.GetEntityAsync(new GetEntityRequest { Name = $"{_typeName}/entities/{v.Id}" }, cancellationToken: ct);
                return [IdOf(got.Name)];
            case Operation.Update:
                var qty = v.NewQty.ToString(CultureInfo.InvariantCulture);
                var entity = new Entity { Name = $"{_typeName}/entities/{v.Id}", Attributes = new Struct() };
                entity.Attributes.Fields["qty"] = Value.ForString(qty);
                var updated = await _client.UpdateEntityAsync(new UpdateEntityRequest
                {
                    Entity = entity,
                    UpdateMask = new FieldMask { Paths = { "attributes.qty" } },
                }, cancellationToken: ct);
                if (!updated.Attributes.Fields.TryGetValue("qty", out var after) || after.ToString().Trim('"') != qty)
                {
                    throw new InvalidOperationException($"UpdateEntity {v.Id}: qty came back as {after}, sent {qty}");
                }

                return [IdOf(updated.Name)];
            default:
                throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string IdOf(string name) => name[(name.LastIndexOf('/') + 1)..];
}
