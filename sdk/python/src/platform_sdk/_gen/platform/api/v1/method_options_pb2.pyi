from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor
METHOD_AUTH_FIELD_NUMBER: _ClassVar[int]
method_auth: _descriptor.FieldDescriptor

class MethodAuth(_message.Message):
    __slots__ = ["cost", "operator_only", "permission"]
    COST_FIELD_NUMBER: _ClassVar[int]
    OPERATOR_ONLY_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    cost: int
    operator_only: bool
    permission: str
    def __init__(self, permission: _Optional[str] = ..., operator_only: bool = ..., cost: _Optional[int] = ...) -> None: ...
