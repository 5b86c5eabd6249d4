using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Evolution;
using Platform.Domain.Eav.Values;
using static Platform.Domain.Tests.Eav.Samples;

namespace Platform.Domain.Tests.Eav;

public sealed class SchemaEvolutionTests
{
    private static SchemaChange Only(Func<AttributeDefinition, AttributeDefinition> change, string key)
    {
        var plan = Product().PlanUpdate(Spec(Replace(ProductAttributes(), key, change))).Value;
        return Assert.Single(plan.Changes);
    }

    private static Error Refusal(Func<AttributeDefinition, AttributeDefinition> change, string key) =>
        Product().PlanUpdate(Spec(Replace(ProductAttributes(), key, change))).Error!;

    [Fact]
    public void An_unchanged_spec_is_a_no_op_and_keeps_the_revision()
    {
        var type = Product();
        var plan = type.PlanUpdate(Spec()).Value;

        Assert.True(plan.IsNoOp);
        Assert.Equal(1, type.Apply(plan, Now).Value.Revision);
    }

    [Fact]
    public void Adding_an_attribute_is_allowed_and_bumps_the_revision()
    {
        var type = Product();
        var plan = type.PlanUpdate(Spec([.. ProductAttributes(), Attr("colour", AttributeType.String)])).Value;

        var change = Assert.Single(plan.Changes);
        Assert.Equal((SchemaChangeKind.AttributeAdded, SchemaVerdict.Allowed), (change.Kind, change.Verdict));
        Assert.Equal(2, type.Apply(plan, Now.AddMinutes(1)).Value.Revision);
        Assert.Equal("2", type.Etag);
    }

    [Fact]
    public void Adding_a_required_attribute_needs_a_default_or_no_entities()
    {
        var withDefault = Product().PlanUpdate(Spec([.. ProductAttributes(), Attr("colour", AttributeType.String) with { Required = true, Default = new TextValue("red") }])).Value;
        var without = Product().PlanUpdate(Spec([.. ProductAttributes(), Attr("colour", AttributeType.String) with { Required = true }])).Value;

        var backfilled = Assert.Single(withDefault.Changes, c => c.Kind == SchemaChangeKind.MadeRequired);
        Assert.Equal((SchemaVerdict.Allowed, new TextValue("red")), (backfilled.Verdict, backfilled.Backfill));
        Assert.IsType<MissingValueCheck>(Assert.Single(without.Checks).Check);
    }

    [Fact]
    public void Always_allowed_changes()
    {
        Assert.Equal(SchemaChangeKind.EnumValuesAdded, Only(a => a with { Constraints = a.Constraints with { EnumValues = ["NEW", "IN_STOCK", "GONE", "BACK"] } }, "status").Kind);
        Assert.Equal(SchemaChangeKind.MadeOptional, Only(a => a with { Required = false }, "sku").Kind);
        Assert.Equal(SchemaChangeKind.MaxLengthRelaxed, Only(a => a with { Constraints = a.Constraints with { MaxLength = 20 } }, "sku").Kind);
        Assert.Equal(SchemaChangeKind.RangeRelaxed, Only(a => a with { Constraints = a.Constraints with { Max = null } }, "stock").Kind);
        Assert.Equal(SchemaChangeKind.PatternRemoved, Only(a => a with { Constraints = a.Constraints with { Pattern = null } }, "sku").Kind);
        Assert.Equal(SchemaChangeKind.UniqueRemoved, Only(a => a with { Unique = false }, "sku").Kind);
        Assert.Equal(SchemaChangeKind.SortableChanged, Only(a => a with { Sortable = true }, "stock").Kind);
        Assert.Equal(SchemaChangeKind.DefaultChanged, Only(a => a with { Default = new BoolValue(false) }, "active").Kind);
        Assert.Equal(SchemaChangeKind.AttributeLabelsChanged, Only(a => a with { DisplayName = "Stock" }, "stock").Kind);
    }

    [Fact]
    public void Narrowing_changes_carry_the_check_that_finds_violators()
    {
        Assert.Equal(new MissingValueCheck("name"), Only(a => a with { Required = true }, "name").Check);
        Assert.Equal(new LongerThanCheck("sku", 8), Only(a => a with { Constraints = a.Constraints with { MaxLength = 8 } }, "sku").Check);
        Assert.Equal(new OutOfRangeCheck("stock", new Int64Value(1), new Int64Value(10)),
            Only(a => a with { Constraints = a.Constraints with { Min = new Int64Value(1), Max = new Int64Value(10) } }, "stock").Check);
        Assert.Equal(new PatternCheck("name", "^[a-z]+$"), Only(a => a with { Constraints = a.Constraints with { Pattern = "^[a-z]+$" } }, "name").Check);
        Assert.Equal(new DuplicateValuesCheck("name"), Only(a => a with { Unique = true }, "name").Check);

        var removed = Only(a => a with { Constraints = a.Constraints with { EnumValues = ["NEW"] } }, "status");
        Assert.Equal((SchemaChangeKind.EnumValuesRemoved, SchemaVerdict.NeedsCheck), (removed.Kind, removed.Verdict));
        Assert.Equal(["IN_STOCK", "GONE"], ((EnumValuesCheck)removed.Check!).Removed);
    }

    [Fact]
    public void Tightening_one_bound_and_relaxing_the_other_are_two_changes()
    {
        var plan = Product().PlanUpdate(Spec(Replace(ProductAttributes(), "stock",
            a => a with { Constraints = a.Constraints with { Min = new Int64Value(5), Max = new Int64Value(5000) } }))).Value;

        Assert.Equal([SchemaChangeKind.RangeTightened, SchemaChangeKind.RangeRelaxed], plan.Changes.Select(c => c.Kind));
        Assert.Equal(new OutOfRangeCheck("stock", new Int64Value(5), null), plan.Changes[0].Check);
    }

    [Fact]
    public void Type_shape_and_reference_target_changes_are_refused()
    {
        var type = Refusal(a => a with { Type = AttributeType.Decimal }, "stock");
        var repeated = Refusal(a => a with { Repeated = true, Sortable = false }, "name");
        var target = Refusal(a => a with { Constraints = a.Constraints with { ReferenceTypeId = "vendor" } }, "maker");

        Assert.Equal(ErrorKind.Invalid, type.Kind);
        Assert.Equal("entity_type.attributes[3].type", Assert.Single(type.Violations).Field);
        Assert.Contains("from INT64 to DECIMAL", type.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal("entity_type.attributes[1].repeated", Assert.Single(repeated.Violations).Field);
        Assert.Equal("entity_type.attributes[9].constraints.reference_type_id", Assert.Single(target.Violations).Field);
    }

    [Fact]
    public void Removing_an_attribute_hides_it_and_its_key_cannot_change_type()
    {
        var type = Product();
        var without = ProductAttributes().Where(a => a.Key != "stock").ToList();
        var plan = type.PlanUpdate(Spec(without)).Value;
        type.Apply(plan, Now);

        Assert.Equal(SchemaChangeKind.AttributeHidden, Assert.Single(plan.Changes).Kind);
        Assert.Null(type.FindAttribute("stock"));
        Assert.True(type.FindAnyAttribute("stock")!.Hidden);

        var reused = type.PlanUpdate(Spec([.. without, Attr("stock", AttributeType.String)])).Error!;
        Assert.Contains("from INT64 to STRING", Assert.Single(reused.Violations).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Restoring_a_hidden_attribute_rechecks_required_and_unique()
    {
        var type = Product();
        type.Apply(type.PlanUpdate(Spec(ProductAttributes().Where(a => a.Key != "sku").ToList())).Value, Now);

        var plan = type.PlanUpdate(Spec()).Value;

        Assert.Equal([SchemaChangeKind.AttributeRestored, SchemaChangeKind.MadeRequired, SchemaChangeKind.UniqueAdded], plan.Changes.Select(c => c.Kind));
        Assert.Equal(2, plan.Checks.Count());
    }

    [Fact]
    public void A_plan_from_an_old_revision_is_a_concurrent_modification()
    {
        var type = Product();
        var stale = type.PlanUpdate(Spec([.. ProductAttributes(), Attr("a", AttributeType.Bool)])).Value;
        type.Apply(type.PlanUpdate(Spec([.. ProductAttributes(), Attr("b", AttributeType.Bool)])).Value, Now);

        Assert.Equal(ErrorKind.Aborted, type.Apply(stale, Now).Error!.Kind);
    }

    [Fact]
    public void Violating_data_is_a_failed_precondition_naming_count_and_examples()
    {
        var type = Product();
        var change = Only(a => a with { Required = true }, "name");

        var error = SchemaEvolutionErrors.ExistingDataViolates(type, change, 3, ["e1", "e2"]);

        Assert.Equal(ErrorKind.PreconditionFailed, error.Kind);
        Assert.Equal("3", error.Metadata["violating_entities"]);
        Assert.Contains("3 entities have no value for attributes.name (e.g. e1, e2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Etags_guard_updates()
    {
        var type = Product();

        Assert.Null(type.CheckEtag(null));
        Assert.Null(type.CheckEtag("1"));
        Assert.Equal(ErrorKind.PreconditionFailed, type.CheckEtag("0")!.Kind);
    }
}
