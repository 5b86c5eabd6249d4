using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Tests;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    [InlineData(5000, 1000)]
    public void Page_sizes_default_and_coerce(int requested, int expected) =>
        Assert.Equal(expected, Paging.PageSize(requested).Value);

    [Fact]
    public void Negative_page_size_is_invalid() =>
        Assert.Equal("page_size", Paging.PageSize(-1).Error!.Violations[0].Field);

    [Fact]
    public void Tokens_round_trip_for_the_same_query()
    {
        var fp = PageToken.Fingerprint("state = ACTIVE", "");
        var token = PageToken.Encode(fp, ["123", "acme"]);

        Assert.Equal(["123", "acme"], PageToken.Decode(token, fp).Value!);
        Assert.Null(PageToken.Decode("", fp).Value);
    }

    [Fact]
    public void Tokens_are_refused_for_another_query_or_when_garbled()
    {
        var token = PageToken.Encode(PageToken.Fingerprint("a"), ["1"]);

        Assert.Equal(ErrorReasons.InvalidPageToken, PageToken.Decode(token, PageToken.Fingerprint("b")).Error!.Reason);
        Assert.Equal(ErrorReasons.InvalidPageToken, PageToken.Decode("%%%not-base64", PageToken.Fingerprint("a")).Error!.Reason);
        Assert.Equal(ErrorReasons.InvalidPageToken, PageToken.Decode("bm90IGpzb24", PageToken.Fingerprint("a")).Error!.Reason);
    }
}
