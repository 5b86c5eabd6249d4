using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Domain.Search.Analysis;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>What a document carries for filters, facets, typo candidates and completions, as a valid bulk line.</summary>
public sealed class OpenSearchDocumentTests
{
    private static readonly OpenSearchOptions Options = new() { Url = new Uri("http://search.test:9200/") };

    private static readonly DateTime Created = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static SearchDocument Document() => new("b1", "dune herbert 1965",
        [new CompletionValue("title", "Dune"), new CompletionValue("title", "Dune")],
        Values: new SearchValues(
        [
            new IndexedValue("title", AttributeType.String, new TextValue("Dune")),
            new IndexedValue("pages", AttributeType.Int64, new Int64Value(412)),
            new IndexedValue("price", AttributeType.Decimal, new DecimalValue(9.99m)),
            new IndexedValue("published", AttributeType.Date, new DateValue(new DateOnly(1965, 8, 1))),
            new IndexedValue("seen", AttributeType.Timestamp, new TimestampValue(Created)),
            new IndexedValue("active", AttributeType.Bool, new BoolValue(true)),
            new IndexedValue("where", AttributeType.GeoPoint, new GeoPointValue(52.5, 13.25)),
            new IndexedValue("tags", AttributeType.String, new ListValue([new TextValue("classic"), new TextValue("scifi")])),
            new IndexedValue("blurb", AttributeType.Text, new TextValue("long text is not carried")),
        ], Created, Created.AddDays(1)));

    [Fact]
    public void Typed_values_go_under_their_kind_so_the_templates_map_them()
    {
        var source = OpenSearchRequests.Source("acme", "book", Document());

        var attrs = source["attrs"]!;
        Assert.Equal("Dune", attrs["keyword"]!["title"]!.GetValue<string>());
        Assert.Equal(["classic", "scifi"], attrs["keyword"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(412, attrs["long"]!["pages"]!.GetValue<long>());
        Assert.Equal(OpenSearchFields.SortableDecimal(9.99m), attrs["decimal"]!["price"]!.GetValue<string>());
        Assert.Equal(9.99, attrs["double"]!["price"]!.GetValue<double>());
        Assert.Equal("1965-08-01", attrs["date"]!["published"]!.GetValue<string>());
        Assert.Equal(OpenSearchFields.Microseconds(Created), attrs["timestamp"]!["seen"]!.GetValue<long>());
        Assert.True(attrs["bool"]!["active"]!.GetValue<bool>());
        Assert.Equal("52.5,13.25", attrs["geo"]!["where"]!.GetValue<string>());
        Assert.Null(attrs["keyword"]!["blurb"]);
        Assert.Equal(OpenSearchFields.Microseconds(Created), source["create_time_us"]!.GetValue<long>());
        Assert.Equal(OpenSearchFields.Microseconds(Created.AddDays(1)), source["update_time_us"]!.GetValue<long>());
    }

    [Fact]
    public void Every_kind_has_a_dynamic_template_on_its_path()
    {
        var templates = OpenSearchRequests.IndexTemplate(Options)["template"]!["mappings"]!["dynamic_templates"]!.AsArray()
            .Select(t => t!.AsObject().Single().Value!).ToList();

        foreach (var (kind, type) in new[] { ("keyword", "keyword"), ("long", "long"), ("decimal", "keyword"), ("double", "double"),
                     ("date", "date"), ("timestamp", "long"), ("bool", "boolean"), ("geo", "geo_point") })
        {
            var template = Assert.Single(templates, t => t["path_match"]?.GetValue<string>() == $"attrs.{kind}.*");
            Assert.Equal(type, template["mapping"]!["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Lookup_fields_hold_the_deletion_variants_and_completion_keys_of_the_document()
    {
        var source = OpenSearchRequests.Source("acme", "book", Document());

        var variants = source["typo_variants"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        var keys = source["typo_keys"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Contains("dne", variants);
        Assert.Contains("herbrt", variants);
        Assert.DoesNotContain("965", variants); // numbers are no typo targets
        Assert.Equal(DeletionVariants.Of("dune").Count + DeletionVariants.Of("herbert").Count, keys.Count);
        Assert.Contains("dne\u001fdune", keys);
        // The value is listed twice but held once: one entity.
        Assert.Equal(CompletionKeys.Of("Dune").Select(k => $"{k}\u001fDune\u001ftitle"),
            source["completions"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(CompletionKeys.Of("Dune"), source["completion_keys"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void A_bulk_with_typed_documents_is_valid_ndjson_for_the_bulk_operation()
    {
        var lines = OpenSearchRequests.BulkLines(Options, "acme", "book", [Document()], []);

        OpenSearchFixtures.AssertValid(OpenSearchFixtures.Lines(OpenSearchRequests.Ndjson(lines)),
            SpecSchema.Instance.RequestBody("_core.yaml", "bulk", "application/x-ndjson"));
    }

    [Fact]
    public void A_document_without_values_carries_no_attribute_fields()
    {
        var source = OpenSearchRequests.Source("acme", "book", new SearchDocument("b1", "1965"));

        Assert.Equal(["tenant_id", "type_id", "entity_id", "terms"], source.Select(p => p.Key));
    }
}
