from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
REVISION_OPERATION_CREATE: RevisionOperation
REVISION_OPERATION_DELETE: RevisionOperation
REVISION_OPERATION_RESTORE: RevisionOperation
REVISION_OPERATION_UNDELETE: RevisionOperation
REVISION_OPERATION_UNSPECIFIED: RevisionOperation
REVISION_OPERATION_UPDATE: RevisionOperation

class AttributeChange(_message.Message):
    __slots__ = ["attribute", "new_value", "old_value"]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    NEW_VALUE_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    attribute: str
    new_value: _struct_pb2.Value
    old_value: _struct_pb2.Value
    def __init__(self, attribute: _Optional[str] = ..., old_value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., new_value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ...) -> None: ...

class Entity(_message.Message):
    __slots__ = ["attributes", "create_time", "delete_time", "etag", "name", "update_time", "version"]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DELETE_TIME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    attributes: _struct_pb2.Struct
    create_time: _timestamp_pb2.Timestamp
    delete_time: _timestamp_pb2.Timestamp
    etag: str
    name: str
    update_time: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, name: _Optional[str] = ..., attributes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., version: _Optional[int] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., delete_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class EntityRevision(_message.Message):
    __slots__ = ["changes", "create_time", "entity", "name", "operation", "principal", "request_id", "version"]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[AttributeChange]
    create_time: _timestamp_pb2.Timestamp
    entity: Entity
    name: str
    operation: RevisionOperation
    principal: str
    request_id: str
    version: int
    def __init__(self, name: _Optional[str] = ..., version: _Optional[int] = ..., operation: _Optional[_Union[RevisionOperation, str]] = ..., changes: _Optional[_Iterable[_Union[AttributeChange, _Mapping]]] = ..., principal: _Optional[str] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., request_id: _Optional[str] = ..., entity: _Optional[_Union[Entity, _Mapping]] = ...) -> None: ...

class RevisionOperation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
