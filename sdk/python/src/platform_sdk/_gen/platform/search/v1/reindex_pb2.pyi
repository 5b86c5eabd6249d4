from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReindexEntityTypeMetadata(_message.Message):
    __slots__ = ["create_time", "documents_indexed", "end_time", "entity_type", "processed_count", "progress_percent", "start_time", "state", "total_count", "update_time"]
    class State(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_INDEXED_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_COUNT_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_PERCENT_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    STATE_CANCELLED: ReindexEntityTypeMetadata.State
    STATE_CANCELLING: ReindexEntityTypeMetadata.State
    STATE_FAILED: ReindexEntityTypeMetadata.State
    STATE_FIELD_NUMBER: _ClassVar[int]
    STATE_PENDING: ReindexEntityTypeMetadata.State
    STATE_RUNNING: ReindexEntityTypeMetadata.State
    STATE_SUCCEEDED: ReindexEntityTypeMetadata.State
    STATE_UNSPECIFIED: ReindexEntityTypeMetadata.State
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    create_time: _timestamp_pb2.Timestamp
    documents_indexed: int
    end_time: _timestamp_pb2.Timestamp
    entity_type: str
    processed_count: int
    progress_percent: int
    start_time: _timestamp_pb2.Timestamp
    state: ReindexEntityTypeMetadata.State
    total_count: int
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, entity_type: _Optional[str] = ..., state: _Optional[_Union[ReindexEntityTypeMetadata.State, str]] = ..., processed_count: _Optional[int] = ..., total_count: _Optional[int] = ..., progress_percent: _Optional[int] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., start_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., documents_indexed: _Optional[int] = ...) -> None: ...

class ReindexEntityTypeRequest(_message.Message):
    __slots__ = ["name", "request_id"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ReindexEntityTypeResponse(_message.Message):
    __slots__ = ["documents_indexed", "duration", "entity_type", "processed_count"]
    DOCUMENTS_INDEXED_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_COUNT_FIELD_NUMBER: _ClassVar[int]
    documents_indexed: int
    duration: _duration_pb2.Duration
    entity_type: str
    processed_count: int
    def __init__(self, entity_type: _Optional[str] = ..., processed_count: _Optional[int] = ..., documents_indexed: _Optional[int] = ..., duration: _Optional[_Union[_duration_pb2.Duration, _Mapping]] = ...) -> None: ...
