using System.Text.Json.Nodes;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>The recorded request/response chapters of the spec's test stories (tests/**.yaml).</summary>
internal static class Stories
{
    /// <summary>The chapters (with prologues) of a story whose path ends with <paramref name="pathSuffix"/> and that record a response payload.</summary>
    public static IEnumerable<JsonObject> Responses(string storyFile, string pathSuffix)
    {
        var story = SpecSchema.Instance.Load(storyFile) as JsonObject ?? throw new InvalidOperationException(storyFile);
        foreach (var section in new[] { "prologues", "chapters" })
        {
            if (story[section] is not JsonArray chapters)
            {
                continue;
            }

            foreach (var chapter in chapters.OfType<JsonObject>())
            {
                if (chapter["path"]?.GetValue<string>().EndsWith(pathSuffix, StringComparison.Ordinal) == true
                    && chapter["response"]?["payload"] is JsonObject)
                {
                    yield return chapter;
                }
            }
        }
    }
}
