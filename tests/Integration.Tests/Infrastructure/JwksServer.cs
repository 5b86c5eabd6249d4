using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Integration.Tests.Infrastructure;

/// <summary>
/// A real OIDC issuer on loopback: Kestrel serving the discovery document and a JWKS with one RSA
/// key, plus the means to sign tokens with that key (or with an impostor key under the same kid).
/// The host under test fetches the keys over HTTP exactly as it would from a real identity provider.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    public const string KeyId = "test-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _impostor = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private WebApplication? _app;

    /// <summary>The issuer (<c>iss</c>) and base address, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string Issuer { get; private set; } = "";

    public static async Task<JwksServer> StartAsync()
    {
        var server = new JwksServer();
        await server.StartCoreAsync();
        return server;
    }

    private async Task StartCoreAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // Not the host's appsettings.json (its Kestrel endpoints) copied next to the tests.
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = _key.ExportParameters(includePrivateParameters: false);
            var jwk = new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["alg"] = SecurityAlgorithms.RsaSha256,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            return Results.Json(new Dictionary<string, object> { ["keys"] = new[] { jwk } });
        });

        await app.StartAsync();
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Issuer = address.TrimEnd('/');
    }

    /// <summary>
    /// A signed token. Defaults: issued by this server, valid now for 10 minutes. <paramref name="roles"/>
    /// null leaves the roles claim out; <paramref name="tenant"/> null leaves the tenant claim out.
    /// </summary>
    public string Sign(
        string subject, string? tenant, string[]? roles, string audience = "platform-api", string? issuer = null,
        DateTime? expires = null, bool impostorKey = false)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddMinutes(10);
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (tenant is not null)
        {
            claims["tenant"] = tenant;
        }

        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        var notBefore = exp < now ? exp.AddMinutes(-10) : now.AddSeconds(-5);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = exp,
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(impostorKey ? _impostor : _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _key.Dispose();
        _impostor.Dispose();
    }
}
