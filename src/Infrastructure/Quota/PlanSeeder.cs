using Microsoft.EntityFrameworkCore;
using Platform.Domain.Quota;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Quota;

/// <summary>
/// Fills an empty plan catalog with <see cref="SeedPlans"/> at start-up. Only an empty catalog is
/// seeded, so operators' edits and deletions are never undone by a restart.
/// </summary>
public sealed class PlanSeeder(PlatformDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, displayName, description, limits) in SeedPlans.All)
        {
            db.Plans.Add(Plan.Create(id, displayName, description, limits, now).Value);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another host seeded at the same moment; its catalog is the same.
            db.ChangeTracker.Clear();
        }
    }
}
