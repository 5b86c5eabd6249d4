from platform_sdk._gen.google.api import annotations_pb2 as _annotations_pb2
from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from platform_sdk._gen.platform.api.v1 import method_options_pb2 as _method_options_pb2
from platform_sdk._gen.platform.billing.v1 import wallet_pb2 as _wallet_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AdjustBalanceRequest(_message.Message):
    __slots__ = ["amount", "name", "reason", "request_id"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    amount: str
    name: str
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., amount: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetWalletRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GrantCreditsRequest(_message.Message):
    __slots__ = ["amount", "currency_code", "description", "expire_time", "name", "priority", "request_id"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    amount: str
    currency_code: str
    description: str
    expire_time: _timestamp_pb2.Timestamp
    name: str
    priority: int
    request_id: str
    def __init__(self, name: _Optional[str] = ..., amount: _Optional[str] = ..., currency_code: _Optional[str] = ..., expire_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., priority: _Optional[int] = ..., description: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ListWalletTransactionsRequest(_message.Message):
    __slots__ = ["kind", "page_size", "page_token", "parent"]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    kind: _wallet_pb2.WalletTransaction.Kind
    page_size: int
    page_token: str
    parent: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., kind: _Optional[_Union[_wallet_pb2.WalletTransaction.Kind, str]] = ...) -> None: ...

class ListWalletTransactionsResponse(_message.Message):
    __slots__ = ["next_page_token", "transactions"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TRANSACTIONS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    transactions: _containers.RepeatedCompositeFieldContainer[_wallet_pb2.WalletTransaction]
    def __init__(self, transactions: _Optional[_Iterable[_Union[_wallet_pb2.WalletTransaction, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class RefundCreditsRequest(_message.Message):
    __slots__ = ["amount", "name", "reason", "request_id", "transaction"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSACTION_FIELD_NUMBER: _ClassVar[int]
    amount: str
    name: str
    reason: str
    request_id: str
    transaction: str
    def __init__(self, name: _Optional[str] = ..., transaction: _Optional[str] = ..., amount: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class TopUpWalletRequest(_message.Message):
    __slots__ = ["amount", "currency_code", "description", "name", "request_id"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_CODE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    amount: str
    currency_code: str
    description: str
    name: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., amount: _Optional[str] = ..., currency_code: _Optional[str] = ..., description: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class UpdateWalletRequest(_message.Message):
    __slots__ = ["update_mask", "wallet"]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    WALLET_FIELD_NUMBER: _ClassVar[int]
    update_mask: _field_mask_pb2.FieldMask
    wallet: _wallet_pb2.Wallet
    def __init__(self, wallet: _Optional[_Union[_wallet_pb2.Wallet, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class WalletWriteResponse(_message.Message):
    __slots__ = ["transactions", "wallet"]
    TRANSACTIONS_FIELD_NUMBER: _ClassVar[int]
    WALLET_FIELD_NUMBER: _ClassVar[int]
    transactions: _containers.RepeatedCompositeFieldContainer[_wallet_pb2.WalletTransaction]
    wallet: _wallet_pb2.Wallet
    def __init__(self, wallet: _Optional[_Union[_wallet_pb2.Wallet, _Mapping]] = ..., transactions: _Optional[_Iterable[_Union[_wallet_pb2.WalletTransaction, _Mapping]]] = ...) -> None: ...
