using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Integration.Tests.Infrastructure;

namespace Platform.Integration.Tests.Security;

public sealed class ZzDebugTests(JwtHost<SqliteHostFixture> jwt) : IClassFixture<JwtHost<SqliteHostFixture>>
{
    [Fact]
    public async Task Debug()
    {
        var o = jwt.Factory.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get("jwt0");
        using var http = new HttpClient();
        var resp = await http.GetAsync(jwt.Idp.Issuer + "/.well-known/openid-configuration");
        Assert.Fail(jwt.Idp.Issuer + " " + resp + await resp.Content.ReadAsStringAsync());
        var doc = await http.GetStringAsync(jwt.Idp.Issuer + "/.well-known/openid-configuration");
        var jwks = await http.GetStringAsync(jwt.Idp.Issuer + "/jwks");
        var cfg = await o.ConfigurationManager!.GetConfigurationAsync(default);
        var p = o.TokenValidationParameters.Clone();
        p.IssuerSigningKeys = cfg.SigningKeys;
        var token = jwt.Idp.Sign("u", "t", ["viewer"]);
        var r = await o.TokenHandlers[0].ValidateTokenAsync(token, p);
        Assert.Fail($"{doc}\n{jwks}\n{o.MetadataAddress} keys={cfg.SigningKeys.Count} valid={r.IsValid} {r.Exception}");
    }
}
