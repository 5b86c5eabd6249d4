using Platform.GrpcHost.Composition;
using Platform.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlatform(builder.Configuration);
var app = builder.Build();

// `dotnet run --project src/GrpcHost -- migrate` applies migrations and exits.
if (args.Contains("migrate"))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    return;
}

app.MapPlatform();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
