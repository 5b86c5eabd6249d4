namespace Platform.Application.Abstractions;

/// <summary>Reads DNS TXT records (custom domain verification). DNS is outside the machine, so tests fake it.</summary>
public interface IDnsTxtResolver
{
    Task<IReadOnlyList<string>> ResolveTxtAsync(string name, CancellationToken ct);
}
