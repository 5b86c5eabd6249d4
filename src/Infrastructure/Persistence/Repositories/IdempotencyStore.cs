using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class IdempotencyStore(PlatformDbContext db) : IIdempotencyStore
{
    public Task<IdempotencyRecord?> FindAsync(string scope, string requestId, CancellationToken ct) =>
        db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.RequestId == requestId, ct);

    public void Add(IdempotencyRecord record) => db.IdempotencyKeys.Add(record);
}
