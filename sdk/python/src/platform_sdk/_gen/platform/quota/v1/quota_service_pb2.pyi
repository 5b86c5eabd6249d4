from platform_sdk._gen.google.api import annotations_pb2 as _annotations_pb2
from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from platform_sdk._gen.platform.api.v1 import method_options_pb2 as _method_options_pb2
from platform_sdk._gen.platform.quota.v1 import plan_pb2 as _plan_pb2
from platform_sdk._gen.platform.quota.v1 import quota_pb2 as _quota_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AllocateQuotaRequest(_message.Message):
    __slots__ = ["amount", "metric", "name", "request_id"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    amount: int
    metric: str
    name: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., metric: _Optional[str] = ..., amount: _Optional[int] = ..., request_id: _Optional[str] = ...) -> None: ...

class AllocateQuotaResponse(_message.Message):
    __slots__ = ["limit"]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    limit: _quota_pb2.QuotaLimit
    def __init__(self, limit: _Optional[_Union[_quota_pb2.QuotaLimit, _Mapping]] = ...) -> None: ...

class CheckQuotaRequest(_message.Message):
    __slots__ = ["amount", "metric", "name"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    amount: int
    metric: str
    name: str
    def __init__(self, name: _Optional[str] = ..., metric: _Optional[str] = ..., amount: _Optional[int] = ...) -> None: ...

class CheckQuotaResponse(_message.Message):
    __slots__ = ["allowed", "denied_limit_id", "limits"]
    ALLOWED_FIELD_NUMBER: _ClassVar[int]
    DENIED_LIMIT_ID_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    allowed: bool
    denied_limit_id: str
    limits: _containers.RepeatedCompositeFieldContainer[_quota_pb2.QuotaLimit]
    def __init__(self, allowed: bool = ..., denied_limit_id: _Optional[str] = ..., limits: _Optional[_Iterable[_Union[_quota_pb2.QuotaLimit, _Mapping]]] = ...) -> None: ...

class ClearQuotaOverrideRequest(_message.Message):
    __slots__ = ["limit_id", "name"]
    LIMIT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    limit_id: str
    name: str
    def __init__(self, name: _Optional[str] = ..., limit_id: _Optional[str] = ...) -> None: ...

class GetQuotaRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ReleaseQuotaRequest(_message.Message):
    __slots__ = ["amount", "metric", "name", "request_id"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    amount: int
    metric: str
    name: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., metric: _Optional[str] = ..., amount: _Optional[int] = ..., request_id: _Optional[str] = ...) -> None: ...

class ReleaseQuotaResponse(_message.Message):
    __slots__ = ["limit"]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    limit: _quota_pb2.QuotaLimit
    def __init__(self, limit: _Optional[_Union[_quota_pb2.QuotaLimit, _Mapping]] = ...) -> None: ...

class SetQuotaOverrideRequest(_message.Message):
    __slots__ = ["limit", "name"]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    limit: _plan_pb2.Limit
    name: str
    def __init__(self, name: _Optional[str] = ..., limit: _Optional[_Union[_plan_pb2.Limit, _Mapping]] = ...) -> None: ...
