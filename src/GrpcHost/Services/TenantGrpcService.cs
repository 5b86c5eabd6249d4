using Grpc.Core;
using Mediator;
using Platform.Application.Tenancy;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;
using Platform.Tenancy.V1;

namespace Platform.GrpcHost.Services;

/// <summary>platform.tenancy.v1.TenantService: map the request, send it, map the result back.</summary>
public sealed class TenantGrpcService(IMediator mediator) : TenantService.TenantServiceBase
{
    public override async Task<Tenant> CreateTenant(CreateTenantRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreateTenantCommand(request.TenantId, TenantMapper.ToSettings(request.Tenant), NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(TenantMapper.ToProto);

    public override async Task<Tenant> GetTenant(GetTenantRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetTenantQuery(request.Name), context.CancellationToken)).ToReply(TenantMapper.ToProtoSnapshot);

    public override async Task<ListTenantsResponse> ListTenants(ListTenantsRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListTenantsQuery(request.PageSize, request.PageToken, request.Filter, request.OrderBy, request.ShowDeleted), context.CancellationToken))
        .ToReply(page => new ListTenantsResponse { Tenants = { page.Tenants.Select(TenantMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<Tenant> UpdateTenant(UpdateTenantRequest request, ServerCallContext context) =>
        (await mediator.Send(new UpdateTenantCommand(
            request.Tenant?.Name ?? "", NullIfEmpty(request.Tenant?.Etag ?? ""), TenantMapper.ToSettings(request.Tenant),
            request.UpdateMask?.Paths.ToList() ?? []), context.CancellationToken))
        .ToReply(TenantMapper.ToProto);

    public override async Task<Tenant> DeleteTenant(DeleteTenantRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeleteTenantCommand(request.Name, NullIfEmpty(request.Etag)), context.CancellationToken)).ToReply(TenantMapper.ToProto);

    public override async Task<Tenant> UndeleteTenant(UndeleteTenantRequest request, ServerCallContext context) =>
        (await mediator.Send(new UndeleteTenantCommand(request.Name, NullIfEmpty(request.Etag)), context.CancellationToken)).ToReply(TenantMapper.ToProto);

    public override async Task<Tenant> SuspendTenant(SuspendTenantRequest request, ServerCallContext context) =>
        (await mediator.Send(new SuspendTenantCommand(request.Name, NullIfEmpty(request.Etag)), context.CancellationToken)).ToReply(TenantMapper.ToProto);

    public override async Task<Tenant> ResumeTenant(ResumeTenantRequest request, ServerCallContext context) =>
        (await mediator.Send(new ResumeTenantCommand(request.Name, NullIfEmpty(request.Etag)), context.CancellationToken)).ToReply(TenantMapper.ToProto);

    public override async Task<AddCustomDomainResponse> AddCustomDomain(AddCustomDomainRequest request, ServerCallContext context) =>
        (await mediator.Send(new AddCustomDomainCommand(request.Name, request.Domain), context.CancellationToken)).ToReply(TenantMapper.ToProto);

    public override async Task<Tenant> VerifyCustomDomain(VerifyCustomDomainRequest request, ServerCallContext context) =>
        (await mediator.Send(new VerifyCustomDomainCommand(request.Name, request.Domain), context.CancellationToken)).ToReply(TenantMapper.ToProto);

    public override async Task<Tenant> RemoveCustomDomain(RemoveCustomDomainRequest request, ServerCallContext context) =>
        (await mediator.Send(new RemoveCustomDomainCommand(request.Name, request.Domain), context.CancellationToken)).ToReply(TenantMapper.ToProto);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
