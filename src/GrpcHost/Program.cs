using Platform.GrpcHost.Composition;
using Platform.Infrastructure.Persistence;

// appsettings.json ships next to the binary: find it wherever the host is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddPlatform(builder.Configuration);
var app = builder.Build();

// `dotnet run --project src/GrpcHost -- migrate` applies migrations and exits.
if (args.Contains("migrate"))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    await scope.ServiceProvider.GetRequiredService<Platform.Infrastructure.Security.OperatorKeyBootstrapper>().RunAsync(CancellationToken.None);
    return;
}

app.MapPlatform();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
