using Platform.Domain.Access;

namespace Platform.Application.Abstractions;

public interface IMemberRepository
{
    Task<Member?> FindAsync(string tenantId, string id, CancellationToken ct);

    /// <summary>The member for a token subject: an exact issuer match, or a member with no issuer.</summary>
    Task<Member?> FindBySubjectAsync(string tenantId, string issuer, string subject, CancellationToken ct);

    void Add(Member member);

    void Remove(Member member);

    /// <summary>Oldest first, keyset after (<paramref name="afterCreateTime"/>, <paramref name="afterId"/>).</summary>
    Task<IReadOnlyList<Member>> ListAsync(string tenantId, DateTime? afterCreateTime, string? afterId, int limit, CancellationToken ct);
}
