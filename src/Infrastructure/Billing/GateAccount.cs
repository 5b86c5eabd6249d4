using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;
using Platform.Domain.Billing.Wallets;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// One tenant's cached wallet on this host: the balance as last read or written here, minus what
/// calls admitted since have cost (<see cref="_pending"/>, not yet written) and what is being
/// written (<see cref="_inFlight"/>). Every change happens under the lock, so two calls can never
/// both take the last cent.
/// </summary>
internal sealed class GateAccount(string tenantId)
{
    private readonly Lock _lock = new();
    private decimal _balance;
    private decimal _pending;
    private decimal _inFlight;
    private string? _inFlightKey;
    private long _flushSeq;
    private long _version = -1;
    private volatile bool _prepaid;

    public string TenantId => tenantId;

    public Currency Currency { get; private set; } = Currency.Usd;

    public decimal UnitPrice { get; private set; }

    public DateTime LoadedAt { get; private set; }

    public DateTime LastUsed { get; private set; }

    public bool Evicted { get; private set; }

    /// <summary>True to admit; false when the balance cannot cover the call. Null when evicted (look it up again).</summary>
    public bool? TryAdmit(int units, DateTime now, out decimal available, out decimal cost)
    {
        available = 0;
        cost = 0;
        if (!_prepaid && !Evicted)
        {
            LastUsed = now; // a torn write of a timestamp only delays eviction
            return true;
        }

        lock (_lock)
        {
            if (Evicted)
            {
                return null;
            }

            LastUsed = now;
            if (!_prepaid)
            {
                return true;
            }

            cost = UnitPrice * units;
            available = _balance - _pending - _inFlight;
            if (available < cost)
            {
                return false;
            }

            _pending += cost;
            return true;
        }
    }

    /// <summary>A state read or written by this host. Older versions than the one held are ignored.</summary>
    public void Apply(WalletState state, decimal unitPrice, DateTime now, string? writtenKey)
    {
        lock (_lock)
        {
            // The batch being flushed was just committed: it is in the new balance from now on.
            if (writtenKey is not null && _inFlightKey is not null && writtenKey == WalletKeys.Consumption(_inFlightKey))
            {
                CompleteFlush();
            }

            if (state.Account.Version < _version)
            {
                return;
            }

            _version = state.Account.Version;
            _balance = state.Ledger.Balance(now);
            _prepaid = state.Account.Mode == BillingMode.Prepaid;
            Currency = state.Account.Currency;
            UnitPrice = unitPrice;
            LoadedAt = now;
        }
    }

    /// <summary>Moves the admitted calls into a batch with a key that stays the same until the batch is written.</summary>
    public (decimal Amount, string Key)? TakeBatch(string host)
    {
        lock (_lock)
        {
            if (_inFlightKey is null)
            {
                if (_pending == 0)
                {
                    return null;
                }

                _inFlight = _pending;
                _pending = 0;
                _inFlightKey = $"calls:{host}:{tenantId}:{_flushSeq}";
            }

            return (_inFlight, _inFlightKey);
        }
    }

    /// <summary>The batch under <paramref name="key"/> is written (or can never be): stop counting it here.</summary>
    public void Flushed(string key)
    {
        lock (_lock)
        {
            if (_inFlightKey == key)
            {
                CompleteFlush();
            }
        }
    }

    public bool HasUnflushed
    {
        get
        {
            lock (_lock)
            {
                return _pending > 0 || _inFlightKey is not null;
            }
        }
    }

    /// <summary>Leaves the cache unless calls are still to be written.</summary>
    public bool TryEvict()
    {
        lock (_lock)
        {
            if (_pending > 0 || _inFlightKey is not null)
            {
                return false;
            }

            Evicted = true;
            return true;
        }
    }

    private void CompleteFlush()
    {
        _inFlight = 0;
        _inFlightKey = null;
        _flushSeq++;
    }
}
