from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
LIMIT_WINDOW_DAY: LimitWindow
LIMIT_WINDOW_HOUR: LimitWindow
LIMIT_WINDOW_MONTH: LimitWindow
LIMIT_WINDOW_SECOND: LimitWindow
LIMIT_WINDOW_UNSPECIFIED: LimitWindow

class Limit(_message.Message):
    __slots__ = ["burst", "limit_id", "metric", "unlimited", "value", "window"]
    BURST_FIELD_NUMBER: _ClassVar[int]
    LIMIT_ID_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    UNLIMITED_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    WINDOW_FIELD_NUMBER: _ClassVar[int]
    burst: int
    limit_id: str
    metric: str
    unlimited: bool
    value: int
    window: LimitWindow
    def __init__(self, metric: _Optional[str] = ..., window: _Optional[_Union[LimitWindow, str]] = ..., value: _Optional[int] = ..., unlimited: bool = ..., burst: _Optional[int] = ..., limit_id: _Optional[str] = ...) -> None: ...

class Plan(_message.Message):
    __slots__ = ["create_time", "description", "display_name", "etag", "limits", "name", "update_time"]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    create_time: _timestamp_pb2.Timestamp
    description: str
    display_name: str
    etag: str
    limits: _containers.RepeatedCompositeFieldContainer[Limit]
    name: str
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., limits: _Optional[_Iterable[_Union[Limit, _Mapping]]] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class LimitWindow(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
