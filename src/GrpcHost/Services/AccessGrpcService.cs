using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mediator;
using Platform.Access.V1;
using Platform.Application.Access;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;

namespace Platform.GrpcHost.Services;

/// <summary>platform.access.v1.AccessService: map the request, send it, map the result back.</summary>
public sealed class AccessGrpcService(IMediator mediator, TimeProvider clock) : AccessService.AccessServiceBase
{
    private static readonly Empty Empty = new();

    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreateApiKeyCommand(
            request.Parent, request.ApiKey?.DisplayName ?? "", request.ApiKey?.Roles.ToList() ?? [],
            AccessMapper.ToDateTime(request.ApiKey?.ExpireTime), AccessMapper.NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(created => new CreateApiKeyResponse { ApiKey = ToProto(created.Key), Secret = created.Secret });

    public override async Task<ApiKey> GetApiKey(GetApiKeyRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetApiKeyQuery(request.Name), context.CancellationToken)).ToReply(ToProto);

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListApiKeysQuery(request.Parent, request.PageSize, request.PageToken), context.CancellationToken))
        .ToReply(page => new ListApiKeysResponse { ApiKeys = { page.Keys.Select(ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context) =>
        (await mediator.Send(new RevokeApiKeyCommand(request.Name), context.CancellationToken)).ToReply(ToProto);

    public override async Task<Member> CreateMember(CreateMemberRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreateMemberCommand(
            request.Parent, AccessMapper.NullIfEmpty(request.MemberId), request.Member?.Subject ?? "", request.Member?.Issuer ?? "",
            request.Member?.DisplayName ?? "", request.Member?.Roles.ToList() ?? [], AccessMapper.NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(AccessMapper.ToProto);

    public override async Task<Member> GetMember(GetMemberRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetMemberQuery(request.Name), context.CancellationToken)).ToReply(AccessMapper.ToProto);

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListMembersQuery(request.Parent, request.PageSize, request.PageToken), context.CancellationToken))
        .ToReply(page => new ListMembersResponse { Members = { page.Members.Select(AccessMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<Member> UpdateMember(UpdateMemberRequest request, ServerCallContext context) =>
        (await mediator.Send(new UpdateMemberCommand(
            request.Member?.Name ?? "", AccessMapper.NullIfEmpty(request.Member?.Etag), AccessMapper.NullIfEmpty(request.Member?.DisplayName),
            AccessMapper.NullIfEmpty(request.Member?.Roles), request.UpdateMask?.Paths.ToList() ?? []), context.CancellationToken))
        .ToReply(AccessMapper.ToProto);

    public override async Task<Empty> DeleteMember(DeleteMemberRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeleteMemberCommand(request.Name, AccessMapper.NullIfEmpty(request.Etag)), context.CancellationToken)).ToReply(_ => Empty);

    public override async Task<Role> CreateRole(CreateRoleRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreateRoleCommand(
            request.Parent, request.RoleId, request.Role?.DisplayName ?? "", request.Role?.Description ?? "",
            request.Role?.Permissions.ToList() ?? [], AccessMapper.NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(AccessMapper.ToProto);

    public override async Task<Role> GetRole(GetRoleRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetRoleQuery(request.Name), context.CancellationToken)).ToReply(AccessMapper.ToProto);

    public override async Task<ListRolesResponse> ListRoles(ListRolesRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListRolesQuery(request.Parent, request.PageSize, request.PageToken), context.CancellationToken))
        .ToReply(page => new ListRolesResponse { Roles = { page.Roles.Select(AccessMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<Role> UpdateRole(UpdateRoleRequest request, ServerCallContext context) =>
        (await mediator.Send(new UpdateRoleCommand(
            request.Role?.Name ?? "", AccessMapper.NullIfEmpty(request.Role?.Etag), AccessMapper.NullIfEmpty(request.Role?.DisplayName),
            AccessMapper.NullIfEmpty(request.Role?.Description), AccessMapper.NullIfEmpty(request.Role?.Permissions),
            request.UpdateMask?.Paths.ToList() ?? []), context.CancellationToken))
        .ToReply(AccessMapper.ToProto);

    public override async Task<Empty> DeleteRole(DeleteRoleRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeleteRoleCommand(request.Name, AccessMapper.NullIfEmpty(request.Etag)), context.CancellationToken)).ToReply(_ => Empty);

    // The state of a key depends on the time it is shown at (expired or not).
    private ApiKey ToProto(Domain.Access.ApiKey key) => AccessMapper.ToProto(key, clock.GetUtcNow().UtcDateTime);
}
