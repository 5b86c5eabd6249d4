using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions;
using Platform.Domain.Access;

namespace Platform.Infrastructure.Security;

/// <summary>
/// Ensures an operator can sign in on a fresh install. <c>Platform:Bootstrap:OperatorKey</c>, when
/// set, is stored (hashed) as an operator key if it is not already; otherwise, when no operator key
/// exists at all, one is generated and printed once to the console (never to the log).
/// </summary>
public sealed partial class OperatorKeyBootstrapper(
    IApiKeyRepository keys, IUnitOfWork unitOfWork, IConfiguration configuration, TimeProvider clock, ILogger<OperatorKeyBootstrapper> logger)
{
    public const string Setting = "Platform:Bootstrap:OperatorKey";

    public async Task RunAsync(CancellationToken ct)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrEmpty(configured))
        {
            if (!ApiKeySecret.IsWellFormed(configured))
            {
                throw new InvalidOperationException($"{Setting} must be 'tk_' followed by 64 URL-safe characters.");
            }

            if (await keys.FindByPrefixAsync(ApiKeySecret.LookupPrefix(configured), ct) is null)
            {
                await StoreAsync(configured, "Bootstrap operator key (configured)", ct);
                LogConfigured(logger);
            }

            return;
        }

        if (await keys.AnyOperatorKeyAsync(ct))
        {
            return;
        }

        var secret = ApiKeySecret.Generate();
        await StoreAsync(secret, "Bootstrap operator key (generated)", ct);
        // Deliberately the console, not ILogger: log pipelines are shipped and kept; this is shown once.
        Console.WriteLine();
        Console.WriteLine("  Platform bootstrap operator API key (shown once, store it now):");
        Console.WriteLine($"  {secret}");
        Console.WriteLine("  Use it as 'authorization: Bearer <key>' or 'x-api-key: <key>'.");
        Console.WriteLine();
        LogGenerated(logger, ApiKeySecret.LookupPrefix(secret));
    }

    private async Task StoreAsync(string secret, string displayName, CancellationToken ct)
    {
        var key = ApiKey.Create(null, displayName, [BuiltInRoles.Operator], null, secret, clock.GetUtcNow().UtcDateTime).Value;
        keys.Add(key);
        await unitOfWork.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the configured bootstrap operator key")]
    private static partial void LogConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a bootstrap operator key {KeyPrefix}… and printed it to the console")]
    private static partial void LogGenerated(ILogger logger, string keyPrefix);
}
