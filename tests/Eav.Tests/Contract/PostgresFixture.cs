using Platform.Eav.Tests.Stores;

namespace Platform.Eav.Tests.Contract;

public sealed class PostgresFixture : EavFixture
{
    protected override async Task<EavStore> CreateStoreAsync() => await PostgresEavStore.CreateAsync();
}
