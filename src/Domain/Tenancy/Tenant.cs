using Platform.Domain.Common;

namespace Platform.Domain.Tenancy;

/// <summary>
/// The tenant aggregate: guards its own lifecycle (active ⇄ suspended, soft delete with a purge
/// window) and the validity of every attribute. Version backs the etag and optimistic concurrency.
/// </summary>
public sealed class Tenant
{
    /// <summary>How long a deleted tenant can be restored before it is purged.</summary>
    public static readonly TimeSpan PurgeDelay = TimeSpan.FromDays(30);

    private Tenant()
    {
    }

    // Stored as the raw string so persistence can key, order and compare on it.
    private string _id = "";

    public TenantId Id => TenantId.FromTrusted(_id);
    public string DisplayName { get; private set; } = "";
    public Tier Tier { get; private set; }
    public TenantState State { get; private set; }
    public TenantState? StateBeforeDelete { get; private set; }
    public string Subdomain { get; private set; } = "";
    public IReadOnlyList<CustomDomain> CustomDomains { get; private set; } = [];

    /// <summary>
    /// The verified domains as "|a.com|b.com|", kept in step with <see cref="CustomDomains"/> so
    /// storage can find the tenant of a host without parsing JSON.
    /// </summary>
    public string VerifiedDomains { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();
    public string TimeZone { get; private set; } = TenantRules.DefaultTimeZone;

    /// <summary>The id of the tenant's plan (<c>plans/{id}</c>); its limits apply to every call.</summary>
    public string PlanId { get; private set; } = Quota.PlanRules.DefaultPlanId;

    /// <summary>Day of month (1–31, clamped to short months) on which monthly windows start.</summary>
    public int BillingAnchorDay { get; private set; } = 1;
    public DateTime CreateTime { get; private set; }
    public DateTime UpdateTime { get; private set; }
    public DateTime? DeleteTime { get; private set; }
    public DateTime? PurgeTime { get; private set; }
    public long Version { get; private set; }

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string ResourceName => Id.ResourceName;

    /// <summary>True once the purge window has passed: the tenant no longer exists for clients.</summary>
    public bool IsPurgeable(DateTime now) => State == TenantState.Deleted && PurgeTime <= now;

    public static Result<Tenant> Create(TenantId id, TenantSettings settings, DateTime now)
    {
        if (Check(settings, id.Value).ToError() is { } error)
        {
            return error;
        }

        var subdomain = settings.Subdomain is { Length: > 0 } s ? s : id.Value;
        var timeZone = settings.TimeZone is { Length: > 0 } tz ? tz : TenantRules.DefaultTimeZone;

        now = Clock.Truncate(now);
        return new Tenant
        {
            _id = id.Value,
            DisplayName = settings.DisplayName!.Trim(),
            Tier = settings.Tier ?? Tier.Free,
            State = TenantState.Active,
            Subdomain = subdomain,
            CustomDomains = (settings.CustomDomains ?? []).Select(d => new CustomDomain(d, Verified: false, DomainVerification.NewToken())).ToList(),
            Labels = new Dictionary<string, string>(settings.Labels ?? new Dictionary<string, string>()),
            TimeZone = timeZone,
            PlanId = Quota.PlanRules.IdOf(settings.Plan) ?? Quota.PlanRules.DefaultPlanId,
            BillingAnchorDay = settings.BillingAnchorDay ?? 1,
            CreateTime = now,
            UpdateTime = now,
            Version = 1,
        };
    }

    /// <summary>Every rule a new tenant's settings must satisfy; the subdomain defaults to the id.</summary>
    public static Validation Check(TenantSettings settings, string defaultSubdomain)
    {
        var v = new Validation();
        TenantRules.DisplayName(v, settings.DisplayName, "tenant.display_name");
        TenantRules.Tier(v, settings.Tier, "tenant.tier");
        var subdomain = settings.Subdomain is { Length: > 0 } s ? s : defaultSubdomain;
        if (subdomain.Length > 0)
        {
            TenantRules.Subdomain(v, subdomain, "tenant.subdomain");
        }

        TenantRules.TimeZone(v, settings.TimeZone is { Length: > 0 } tz ? tz : TenantRules.DefaultTimeZone, "tenant.time_zone");
        TenantRules.CustomDomains(v, settings.CustomDomains ?? [], "tenant.custom_domains");
        TenantRules.Labels(v, settings.Labels ?? new Dictionary<string, string>(), "tenant.labels");
        TenantRules.Plan(v, settings.Plan, "tenant.plan");
        TenantRules.BillingAnchorDay(v, settings.BillingAnchorDay, "tenant.billing_anchor_day");
        return v;
    }

    /// <summary>Checks an optional client etag (AIP-154): empty means "no precondition".</summary>
    public Error? CheckEtag(string? etag) =>
        string.IsNullOrEmpty(etag) || etag == Etag ? null : Error.EtagMismatch(ResourceName);

    public Result<Tenant> Update(TenantSettings changes, DateTime now)
    {
        if (State == TenantState.Deleted)
        {
            return DeletedError("updated");
        }

        var v = new Validation();
        if (changes.DisplayName is not null) TenantRules.DisplayName(v, changes.DisplayName, "tenant.display_name");
        TenantRules.Tier(v, changes.Tier, "tenant.tier");
        if (changes.Subdomain is not null) TenantRules.Subdomain(v, changes.Subdomain, "tenant.subdomain");
        if (changes.TimeZone is not null) TenantRules.TimeZone(v, changes.TimeZone, "tenant.time_zone");
        if (changes.CustomDomains is not null) TenantRules.CustomDomains(v, changes.CustomDomains, "tenant.custom_domains");
        if (changes.Labels is not null) TenantRules.Labels(v, changes.Labels, "tenant.labels");
        TenantRules.Plan(v, changes.Plan, "tenant.plan");
        TenantRules.BillingAnchorDay(v, changes.BillingAnchorDay, "tenant.billing_anchor_day");
        if (v.ToError() is { } error)
        {
            return error;
        }

        DisplayName = changes.DisplayName?.Trim() ?? DisplayName;
        Tier = changes.Tier ?? Tier;
        Subdomain = changes.Subdomain ?? Subdomain;
        TimeZone = changes.TimeZone ?? TimeZone;
        PlanId = Quota.PlanRules.IdOf(changes.Plan) ?? PlanId;
        BillingAnchorDay = changes.BillingAnchorDay ?? BillingAnchorDay;
        Labels = changes.Labels is null ? Labels : new Dictionary<string, string>(changes.Labels);
        if (changes.CustomDomains is not null)
        {
            // A domain that stays keeps its verification and token; new ones start unverified.
            var existing = CustomDomains.ToDictionary(d => d.Domain, StringComparer.Ordinal);
            SetCustomDomains(changes.CustomDomains
                .Select(d => existing.TryGetValue(d, out var kept) ? kept : new CustomDomain(d, false, DomainVerification.NewToken()))
                .ToList());
        }

        Touch(now);
        return this;
    }

    public Result<Tenant> Delete(DateTime now)
    {
        if (State == TenantState.Deleted)
        {
            return this;
        }

        StateBeforeDelete = State;
        State = TenantState.Deleted;
        Touch(now);
        DeleteTime = UpdateTime;
        PurgeTime = UpdateTime + PurgeDelay;
        return this;
    }

    public Result<Tenant> Undelete(DateTime now)
    {
        if (State != TenantState.Deleted)
        {
            return Error.InvalidState(ResourceName, State.ToString(), $"{ResourceName} is not deleted.");
        }

        State = StateBeforeDelete ?? TenantState.Active;
        StateBeforeDelete = null;
        DeleteTime = null;
        PurgeTime = null;
        Touch(now);
        return this;
    }

    public Result<Tenant> Suspend(DateTime now) => MoveTo(TenantState.Suspended, "suspended", now);

    public Result<Tenant> Resume(DateTime now) => MoveTo(TenantState.Active, "resumed", now);

    /// <summary>Checks one custom domain with the host-name rule of <see cref="TenantRules.CustomDomains"/>.</summary>
    public static Error? CheckDomain(string? domain, string field = "domain")
    {
        if (string.IsNullOrEmpty(domain))
        {
            return Error.Validation(field, "is required");
        }

        var v = new Validation();
        TenantRules.CustomDomains(v, [domain], field);
        return v.IsValid ? null : Error.Validation(field, v.Violations[0].Description);
    }

    /// <summary>Adds an unverified domain with a fresh token; a domain already present is left as it is.</summary>
    public Result<Tenant> AddDomain(string domain, DateTime now)
    {
        if (State == TenantState.Deleted)
        {
            return DeletedError("changed");
        }

        if (CheckDomain(domain) is { } invalid)
        {
            return invalid;
        }

        if (CustomDomains.Any(d => d.Domain == domain))
        {
            return this;
        }

        if (CustomDomains.Count >= TenantRules.MaxCustomDomains)
        {
            return Error.Validation("domain", $"the tenant already has the maximum of {TenantRules.MaxCustomDomains} custom domains");
        }

        SetCustomDomains([.. CustomDomains, new CustomDomain(domain, Verified: false, DomainVerification.NewToken())]);
        Touch(now);
        return this;
    }

    /// <summary>The tenant's entry for <paramref name="domain"/>, for a tenant that can still change.</summary>
    public Result<CustomDomain> FindDomain(string domain)
    {
        if (State == TenantState.Deleted)
        {
            return DeletedError("changed");
        }

        return CustomDomains.FirstOrDefault(d => d.Domain == domain) is { } found
            ? found
            : Error.Custom(ErrorKind.NotFound, ErrorReasons.ResourceNotFound, $"{ResourceName} has no custom domain '{domain}'.",
                metadata: new Dictionary<string, string> { ["resource"] = ResourceName, ["domain"] = domain });
    }

    /// <summary>
    /// Marks a domain verified when <paramref name="txtRecords"/> (the TXT values published at its
    /// verification record) carry its token.
    /// </summary>
    public Result<Tenant> VerifyDomain(string domain, IReadOnlyList<string> txtRecords, DateTime now)
    {
        if (!FindDomain(domain).TryGetValue(out var entry, out var error))
        {
            return error;
        }

        if (entry.Verified)
        {
            return this;
        }

        var record = DomainVerification.RecordName(domain);
        var expected = DomainVerification.RecordValue(entry.VerificationToken);
        if (!txtRecords.Any(r => r.Trim() == expected))
        {
            return Error.Custom(ErrorKind.PreconditionFailed, ErrorReasons.DomainNotVerified,
                $"No TXT record '{record}' with value '{expected}' was found; publish it and retry (DNS changes can take a while to propagate).",
                metadata: new Dictionary<string, string> { ["record"] = record, ["domain"] = domain });
        }

        SetCustomDomains(CustomDomains.Select(d => d.Domain == domain ? d with { Verified = true } : d).ToList());
        Touch(now);
        return this;
    }

    public Result<Tenant> RemoveDomain(string domain, DateTime now)
    {
        if (!FindDomain(domain).TryGetValue(out _, out var error))
        {
            return error;
        }

        SetCustomDomains(CustomDomains.Where(d => d.Domain != domain).ToList());
        Touch(now);
        return this;
    }

    /// <summary>Replaces the custom domains, keeping <see cref="VerifiedDomains"/> in step.</summary>
    public void SetCustomDomains(IReadOnlyList<CustomDomain> domains)
    {
        CustomDomains = domains;
        var verified = domains.Where(d => d.Verified).Select(d => d.Domain).ToList();
        VerifiedDomains = verified.Count == 0 ? "" : $"|{string.Join('|', verified)}|";
    }

    private Result<Tenant> MoveTo(TenantState target, string verb, DateTime now)
    {
        if (State == TenantState.Deleted)
        {
            return DeletedError(verb);
        }

        if (State != target)
        {
            State = target;
            Touch(now);
        }

        return this;
    }

    private Error DeletedError(string verb) =>
        Error.InvalidState(ResourceName, State.ToString(), $"{ResourceName} is deleted and cannot be {verb}; undelete it first.");

    private void Touch(DateTime now)
    {
        UpdateTime = Clock.Truncate(now);
        Version++;
    }
}
