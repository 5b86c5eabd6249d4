from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DailyUsage(_message.Message):
    __slots__ = ["date", "quantity"]
    DATE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    date: str
    quantity: str
    def __init__(self, date: _Optional[str] = ..., quantity: _Optional[str] = ...) -> None: ...

class MetricUsage(_message.Message):
    __slots__ = ["days", "included", "metric", "projected_charge", "projected_quantity", "quantity"]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    INCLUDED_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    PROJECTED_CHARGE_FIELD_NUMBER: _ClassVar[int]
    PROJECTED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    days: _containers.RepeatedCompositeFieldContainer[DailyUsage]
    included: str
    metric: str
    projected_charge: str
    projected_quantity: str
    quantity: str
    def __init__(self, metric: _Optional[str] = ..., quantity: _Optional[str] = ..., included: _Optional[str] = ..., projected_quantity: _Optional[str] = ..., projected_charge: _Optional[str] = ..., days: _Optional[_Iterable[_Union[DailyUsage, _Mapping]]] = ...) -> None: ...

class Usage(_message.Message):
    __slots__ = ["currency_code", "metrics", "name", "period_end", "period_start", "plan"]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    PERIOD_START_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    currency_code: str
    metrics: _containers.RepeatedCompositeFieldContainer[MetricUsage]
    name: str
    period_end: _timestamp_pb2.Timestamp
    period_start: _timestamp_pb2.Timestamp
    plan: str
    def __init__(self, name: _Optional[str] = ..., period_start: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., period_end: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., plan: _Optional[str] = ..., currency_code: _Optional[str] = ..., metrics: _Optional[_Iterable[_Union[MetricUsage, _Mapping]]] = ...) -> None: ...

class UsageEvent(_message.Message):
    __slots__ = ["event_time", "idempotency_key", "metric", "properties", "quantity"]
    class PropertiesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    EVENT_TIME_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    event_time: _timestamp_pb2.Timestamp
    idempotency_key: str
    metric: str
    properties: _containers.ScalarMap[str, str]
    quantity: str
    def __init__(self, metric: _Optional[str] = ..., quantity: _Optional[str] = ..., event_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., idempotency_key: _Optional[str] = ..., properties: _Optional[_Mapping[str, str]] = ...) -> None: ...
