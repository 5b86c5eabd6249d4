from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

BILLING_INTERVAL_MONTH: BillingInterval
BILLING_INTERVAL_UNSPECIFIED: BillingInterval
BILLING_INTERVAL_YEAR: BillingInterval
DESCRIPTOR: _descriptor.FileDescriptor
USAGE_AGGREGATION_LATEST: UsageAggregation
USAGE_AGGREGATION_MAX: UsageAggregation
USAGE_AGGREGATION_SUM: UsageAggregation
USAGE_AGGREGATION_UNIQUE_COUNT: UsageAggregation
USAGE_AGGREGATION_UNSPECIFIED: UsageAggregation

class BillableMetric(_message.Message):
    __slots__ = ["aggregation", "built_in", "create_time", "display_name", "name", "unique_property"]
    AGGREGATION_FIELD_NUMBER: _ClassVar[int]
    BUILT_IN_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    UNIQUE_PROPERTY_FIELD_NUMBER: _ClassVar[int]
    aggregation: UsageAggregation
    built_in: bool
    create_time: _timestamp_pb2.Timestamp
    display_name: str
    name: str
    unique_property: str
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., aggregation: _Optional[_Union[UsageAggregation, str]] = ..., unique_property: _Optional[str] = ..., built_in: bool = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class MetricPrice(_message.Message):
    __slots__ = ["graduated", "included", "metric", "package", "per_unit", "volume"]
    GRADUATED_FIELD_NUMBER: _ClassVar[int]
    INCLUDED_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    PACKAGE_FIELD_NUMBER: _ClassVar[int]
    PER_UNIT_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    graduated: Tiers
    included: str
    metric: str
    package: Package
    per_unit: PerUnit
    volume: Tiers
    def __init__(self, metric: _Optional[str] = ..., included: _Optional[str] = ..., per_unit: _Optional[_Union[PerUnit, _Mapping]] = ..., graduated: _Optional[_Union[Tiers, _Mapping]] = ..., volume: _Optional[_Union[Tiers, _Mapping]] = ..., package: _Optional[_Union[Package, _Mapping]] = ...) -> None: ...

class Package(_message.Message):
    __slots__ = ["free_burst", "package_price", "size"]
    FREE_BURST_FIELD_NUMBER: _ClassVar[int]
    PACKAGE_PRICE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    free_burst: str
    package_price: str
    size: str
    def __init__(self, size: _Optional[str] = ..., package_price: _Optional[str] = ..., free_burst: _Optional[str] = ...) -> None: ...

class PerUnit(_message.Message):
    __slots__ = ["unit_price"]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    unit_price: str
    def __init__(self, unit_price: _Optional[str] = ...) -> None: ...

class PlanPrice(_message.Message):
    __slots__ = ["base_fee", "create_time", "currency", "interval", "metrics", "name", "trial_days", "version"]
    BASE_FEE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    INTERVAL_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TRIAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    base_fee: str
    create_time: _timestamp_pb2.Timestamp
    currency: str
    interval: BillingInterval
    metrics: _containers.RepeatedCompositeFieldContainer[MetricPrice]
    name: str
    trial_days: int
    version: int
    def __init__(self, name: _Optional[str] = ..., version: _Optional[int] = ..., currency: _Optional[str] = ..., interval: _Optional[_Union[BillingInterval, str]] = ..., base_fee: _Optional[str] = ..., trial_days: _Optional[int] = ..., metrics: _Optional[_Iterable[_Union[MetricPrice, _Mapping]]] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Tier(_message.Message):
    __slots__ = ["flat_fee", "unit_price", "up_to"]
    FLAT_FEE_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    UP_TO_FIELD_NUMBER: _ClassVar[int]
    flat_fee: str
    unit_price: str
    up_to: str
    def __init__(self, up_to: _Optional[str] = ..., unit_price: _Optional[str] = ..., flat_fee: _Optional[str] = ...) -> None: ...

class Tiers(_message.Message):
    __slots__ = ["tiers"]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    tiers: _containers.RepeatedCompositeFieldContainer[Tier]
    def __init__(self, tiers: _Optional[_Iterable[_Union[Tier, _Mapping]]] = ...) -> None: ...

class BillingInterval(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class UsageAggregation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
