using System.Globalization;
using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record ListPlanPricesQuery(string Parent, int PageSize, string? PageToken) : IQuery<Result<PricePage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(BillingNames.Plan(Parent, "parent").Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

public sealed record PricePage(IReadOnlyList<StoredPrice> Prices, string NextPageToken);

/// <summary>A plan's versions, oldest first, keyset-paged by version.</summary>
internal sealed class ListPlanPricesHandler(IBillingCatalog catalog) : IQueryHandler<ListPlanPricesQuery, Result<PricePage>>
{
    public async ValueTask<Result<PricePage>> Handle(ListPlanPricesQuery query, CancellationToken ct)
    {
        var fingerprint = Common.PageToken.Fingerprint("prices", query.Parent);
        if (!Common.PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        var afterVersion = 0;
        if (after is not (null or [_]) || (after is [var text] && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out afterVersion)))
        {
            return Common.PageToken.Malformed();
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await catalog.ListPricesAsync(BillingNames.Plan(query.Parent, "parent").Value, afterVersion, size + 1, ct);
        var page = rows.Take(size).ToList();
        return new PricePage(page, rows.Count > size
            ? Common.PageToken.Encode(fingerprint, [page[^1].Price.Version.ToString(CultureInfo.InvariantCulture)])
            : "");
    }
}
