using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace Platform.GrpcHost.Observability;

/// <summary>
/// RPC metrics, recorded twice on purpose: on a System.Diagnostics.Metrics meter for
/// OpenTelemetry (OTLP), and as prometheus-net collectors for the <c>GET /metrics</c> scrape
/// (platform_rpc_requests_total, platform_rpc_duration_seconds). prometheus-net's meter adapter
/// did not publish these instruments in our set-up, so it is not relied on.
/// </summary>
public sealed class RpcMetrics : IDisposable
{
    public const string MeterName = "Platform.Rpc";

    private static readonly Counter PromRequests = Metrics.CreateCounter(
        "platform_rpc_requests_total", "RPCs handled, by method, status code and tenant.", "method", "code", "tenant");

    private static readonly Prometheus.Histogram PromDuration = Metrics.CreateHistogram(
        "platform_rpc_duration_seconds", "RPC handling time, by method and status code.",
        new HistogramConfiguration
        {
            LabelNames = ["method", "code"],
            Buckets = Prometheus.Histogram.ExponentialBuckets(0.0005, 2, 16),
        });

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public RpcMetrics()
    {
        _requests = _meter.CreateCounter<long>("platform.rpc.requests", description: "RPCs handled, by method, status code and tenant.");
        _duration = _meter.CreateHistogram<double>("platform.rpc.duration", unit: "s", description: "RPC handling time, by method and status code.");
    }

    // Label children cached per label set: WithLabels allocates and hashes on every call.
    private readonly ConcurrentDictionary<(string, string, string), Counter.Child> _requestChildren = new();
    private readonly ConcurrentDictionary<(string, string), Prometheus.Histogram.Child> _durationChildren = new();

    public void Record(string method, string code, string tenant, double seconds)
    {
        if (_requests.Enabled)
        {
            _requests.Add(1, new("method", method), new("code", code), new("tenant", tenant));
            _duration.Record(seconds, new("method", method), new("code", code));
        }

        _requestChildren.GetOrAdd((method, code, tenant), k => PromRequests.WithLabels(k.Item1, k.Item2, k.Item3)).Inc();
        _durationChildren.GetOrAdd((method, code), k => PromDuration.WithLabels(k.Item1, k.Item2)).Observe(seconds);
    }

    public void Dispose() => _meter.Dispose();
}
