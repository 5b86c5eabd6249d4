using Platform.Eav.Tests.Stores;

namespace Platform.Eav.Tests.Contract;

public sealed class SqliteFixture : EavFixture
{
    protected override async Task<EavStore> CreateStoreAsync() => await SqliteEavStore.CreateAsync();
}
