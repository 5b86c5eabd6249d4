from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

ATTRIBUTE_TYPE_BOOL: AttributeType
ATTRIBUTE_TYPE_DATE: AttributeType
ATTRIBUTE_TYPE_DECIMAL: AttributeType
ATTRIBUTE_TYPE_ENUM: AttributeType
ATTRIBUTE_TYPE_GEO_POINT: AttributeType
ATTRIBUTE_TYPE_INT64: AttributeType
ATTRIBUTE_TYPE_REFERENCE: AttributeType
ATTRIBUTE_TYPE_STRING: AttributeType
ATTRIBUTE_TYPE_TEXT: AttributeType
ATTRIBUTE_TYPE_TIMESTAMP: AttributeType
ATTRIBUTE_TYPE_UNSPECIFIED: AttributeType
DESCRIPTOR: _descriptor.FileDescriptor
INDEX_STATE_BUILDING: IndexState
INDEX_STATE_FAILED: IndexState
INDEX_STATE_READY: IndexState
INDEX_STATE_UNSPECIFIED: IndexState

class AttributeConstraints(_message.Message):
    __slots__ = ["enum_values", "max", "max_length", "min", "pattern", "reference_type_id"]
    ENUM_VALUES_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    MAX_LENGTH_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    PATTERN_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    enum_values: _containers.RepeatedScalarFieldContainer[str]
    max: _struct_pb2.Value
    max_length: int
    min: _struct_pb2.Value
    pattern: str
    reference_type_id: str
    def __init__(self, min: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., max: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., max_length: _Optional[int] = ..., pattern: _Optional[str] = ..., enum_values: _Optional[_Iterable[str]] = ..., reference_type_id: _Optional[str] = ...) -> None: ...

class AttributeDefinition(_message.Message):
    __slots__ = ["constraints", "default", "description", "display_name", "filterable", "hidden", "index_state", "key", "repeated", "required", "searchable", "sortable", "type", "unique"]
    CONSTRAINTS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    FILTERABLE_FIELD_NUMBER: _ClassVar[int]
    HIDDEN_FIELD_NUMBER: _ClassVar[int]
    INDEX_STATE_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    REPEATED_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    SEARCHABLE_FIELD_NUMBER: _ClassVar[int]
    SORTABLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    UNIQUE_FIELD_NUMBER: _ClassVar[int]
    constraints: AttributeConstraints
    default: _struct_pb2.Value
    description: str
    display_name: str
    filterable: bool
    hidden: bool
    index_state: IndexState
    key: str
    repeated: bool
    required: bool
    searchable: bool
    sortable: bool
    type: AttributeType
    unique: bool
    def __init__(self, key: _Optional[str] = ..., type: _Optional[_Union[AttributeType, str]] = ..., repeated: bool = ..., required: bool = ..., unique: bool = ..., default: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., filterable: bool = ..., sortable: bool = ..., searchable: bool = ..., constraints: _Optional[_Union[AttributeConstraints, _Mapping]] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., hidden: bool = ..., index_state: _Optional[_Union[IndexState, str]] = ...) -> None: ...

class EntityType(_message.Message):
    __slots__ = ["attributes", "create_time", "description", "display_name", "etag", "name", "query_hints", "schema_revision", "update_time"]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    QUERY_HINTS_FIELD_NUMBER: _ClassVar[int]
    SCHEMA_REVISION_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    attributes: _containers.RepeatedCompositeFieldContainer[AttributeDefinition]
    create_time: _timestamp_pb2.Timestamp
    description: str
    display_name: str
    etag: str
    name: str
    query_hints: _containers.RepeatedCompositeFieldContainer[QueryHint]
    schema_revision: int
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., attributes: _Optional[_Iterable[_Union[AttributeDefinition, _Mapping]]] = ..., query_hints: _Optional[_Iterable[_Union[QueryHint, _Mapping]]] = ..., schema_revision: _Optional[int] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class QueryHint(_message.Message):
    __slots__ = ["filter_keys", "sort_key"]
    FILTER_KEYS_FIELD_NUMBER: _ClassVar[int]
    SORT_KEY_FIELD_NUMBER: _ClassVar[int]
    filter_keys: _containers.RepeatedScalarFieldContainer[str]
    sort_key: str
    def __init__(self, filter_keys: _Optional[_Iterable[str]] = ..., sort_key: _Optional[str] = ...) -> None: ...

class AttributeType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class IndexState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
