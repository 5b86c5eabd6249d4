from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Wallet(_message.Message):
    __slots__ = ["available_grants", "balance", "billing_mode", "currency_code", "name", "top_up_balance", "update_time", "version"]
    class BillingMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    AVAILABLE_GRANTS_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    BILLING_MODE_FIELD_NUMBER: _ClassVar[int]
    BILLING_MODE_POSTPAID: Wallet.BillingMode
    BILLING_MODE_PREPAID: Wallet.BillingMode
    BILLING_MODE_UNSPECIFIED: Wallet.BillingMode
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TOP_UP_BALANCE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    available_grants: _containers.RepeatedCompositeFieldContainer[WalletGrant]
    balance: str
    billing_mode: Wallet.BillingMode
    currency_code: str
    name: str
    top_up_balance: str
    update_time: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, name: _Optional[str] = ..., currency_code: _Optional[str] = ..., billing_mode: _Optional[_Union[Wallet.BillingMode, str]] = ..., balance: _Optional[str] = ..., top_up_balance: _Optional[str] = ..., available_grants: _Optional[_Iterable[_Union[WalletGrant, _Mapping]]] = ..., version: _Optional[int] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class WalletGrant(_message.Message):
    __slots__ = ["amount", "description", "expire_time", "priority", "remaining", "transaction"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    amount: str
    description: str
    expire_time: _timestamp_pb2.Timestamp
    priority: int
    remaining: str
    transaction: str
    def __init__(self, transaction: _Optional[str] = ..., amount: _Optional[str] = ..., remaining: _Optional[str] = ..., priority: _Optional[int] = ..., expire_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., description: _Optional[str] = ...) -> None: ...

class WalletTransaction(_message.Message):
    __slots__ = ["actor", "amount", "create_time", "currency_code", "description", "expire_time", "kind", "name", "priority", "refunded_transaction", "request_id", "source_grant"]
    class Kind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    KIND_ADJUSTMENT: WalletTransaction.Kind
    KIND_CONSUMPTION: WalletTransaction.Kind
    KIND_FIELD_NUMBER: _ClassVar[int]
    KIND_GRANT: WalletTransaction.Kind
    KIND_REFUND: WalletTransaction.Kind
    KIND_TOP_UP: WalletTransaction.Kind
    KIND_UNSPECIFIED: WalletTransaction.Kind
    NAME_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    REFUNDED_TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_GRANT_FIELD_NUMBER: _ClassVar[int]
    actor: str
    amount: str
    create_time: _timestamp_pb2.Timestamp
    currency_code: str
    description: str
    expire_time: _timestamp_pb2.Timestamp
    kind: WalletTransaction.Kind
    name: str
    priority: int
    refunded_transaction: str
    request_id: str
    source_grant: str
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[WalletTransaction.Kind, str]] = ..., amount: _Optional[str] = ..., currency_code: _Optional[str] = ..., source_grant: _Optional[str] = ..., expire_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., priority: _Optional[int] = ..., refunded_transaction: _Optional[str] = ..., description: _Optional[str] = ..., request_id: _Optional[str] = ..., actor: _Optional[str] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
