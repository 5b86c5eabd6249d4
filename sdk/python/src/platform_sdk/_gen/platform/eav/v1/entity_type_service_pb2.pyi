from platform_sdk._gen.google.api import annotations_pb2 as _annotations_pb2
from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from platform_sdk._gen.platform.api.v1 import method_options_pb2 as _method_options_pb2
from platform_sdk._gen.platform.eav.v1 import entity_type_pb2 as _entity_type_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateEntityTypeRequest(_message.Message):
    __slots__ = ["entity_type", "entity_type_id", "parent", "request_id"]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    entity_type: _entity_type_pb2.EntityType
    entity_type_id: str
    parent: str
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., entity_type_id: _Optional[str] = ..., entity_type: _Optional[_Union[_entity_type_pb2.EntityType, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class DeleteEntityTypeRequest(_message.Message):
    __slots__ = ["etag", "force", "name"]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    etag: str
    force: bool
    name: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., force: bool = ...) -> None: ...

class GetEntityTypeRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListEntityTypesRequest(_message.Message):
    __slots__ = ["page_size", "page_token", "parent"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    parent: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListEntityTypesResponse(_message.Message):
    __slots__ = ["entity_types", "next_page_token"]
    ENTITY_TYPES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    entity_types: _containers.RepeatedCompositeFieldContainer[_entity_type_pb2.EntityType]
    next_page_token: str
    def __init__(self, entity_types: _Optional[_Iterable[_Union[_entity_type_pb2.EntityType, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateEntityTypeRequest(_message.Message):
    __slots__ = ["entity_type", "update_mask"]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    entity_type: _entity_type_pb2.EntityType
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, entity_type: _Optional[_Union[_entity_type_pb2.EntityType, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...
