from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
INVOICE_STATE_DRAFT: InvoiceState
INVOICE_STATE_FINALIZED: InvoiceState
INVOICE_STATE_PAID: InvoiceState
INVOICE_STATE_UNSPECIFIED: InvoiceState
INVOICE_STATE_VOID: InvoiceState
LINE_KIND_BASE_FEE: LineKind
LINE_KIND_CREDIT_APPLIED: LineKind
LINE_KIND_CREDIT_CARRIED_FORWARD: LineKind
LINE_KIND_DISCOUNT: LineKind
LINE_KIND_PRORATION_CHARGE: LineKind
LINE_KIND_PRORATION_CREDIT: LineKind
LINE_KIND_UNSPECIFIED: LineKind
LINE_KIND_USAGE: LineKind

class ChargeStep(_message.Message):
    __slots__ = ["amount", "billed", "flat_fee", "price", "units", "up_to"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    BILLED_FIELD_NUMBER: _ClassVar[int]
    FLAT_FEE_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    UP_TO_FIELD_NUMBER: _ClassVar[int]
    amount: str
    billed: str
    flat_fee: str
    price: str
    units: str
    up_to: str
    def __init__(self, up_to: _Optional[str] = ..., units: _Optional[str] = ..., billed: _Optional[str] = ..., price: _Optional[str] = ..., flat_fee: _Optional[str] = ..., amount: _Optional[str] = ..., **kwargs) -> None: ...

class Invoice(_message.Message):
    __slots__ = ["closes_end_time", "closes_start_time", "create_time", "credit_balance_after", "credit_balance_before", "currency", "etag", "finalize_time", "issue_time", "lines", "name", "opens_end_time", "opens_start_time", "paid_time", "payments", "state", "subscription_id", "total"]
    CLOSES_END_TIME_FIELD_NUMBER: _ClassVar[int]
    CLOSES_START_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CREDIT_BALANCE_AFTER_FIELD_NUMBER: _ClassVar[int]
    CREDIT_BALANCE_BEFORE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    FINALIZE_TIME_FIELD_NUMBER: _ClassVar[int]
    ISSUE_TIME_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OPENS_END_TIME_FIELD_NUMBER: _ClassVar[int]
    OPENS_START_TIME_FIELD_NUMBER: _ClassVar[int]
    PAID_TIME_FIELD_NUMBER: _ClassVar[int]
    PAYMENTS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    closes_end_time: _timestamp_pb2.Timestamp
    closes_start_time: _timestamp_pb2.Timestamp
    create_time: _timestamp_pb2.Timestamp
    credit_balance_after: str
    credit_balance_before: str
    currency: str
    etag: str
    finalize_time: _timestamp_pb2.Timestamp
    issue_time: _timestamp_pb2.Timestamp
    lines: _containers.RepeatedCompositeFieldContainer[InvoiceLine]
    name: str
    opens_end_time: _timestamp_pb2.Timestamp
    opens_start_time: _timestamp_pb2.Timestamp
    paid_time: _timestamp_pb2.Timestamp
    payments: _containers.RepeatedCompositeFieldContainer[PaymentAttempt]
    state: InvoiceState
    subscription_id: str
    total: str
    def __init__(self, name: _Optional[str] = ..., subscription_id: _Optional[str] = ..., state: _Optional[_Union[InvoiceState, str]] = ..., currency: _Optional[str] = ..., issue_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., closes_start_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., closes_end_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., opens_start_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., opens_end_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[InvoiceLine, _Mapping]]] = ..., total: _Optional[str] = ..., credit_balance_before: _Optional[str] = ..., credit_balance_after: _Optional[str] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., finalize_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., paid_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., payments: _Optional[_Iterable[_Union[PaymentAttempt, _Mapping]]] = ..., etag: _Optional[str] = ...) -> None: ...

class InvoiceLine(_message.Message):
    __slots__ = ["amount", "description", "end_time", "included", "kind", "metric", "plan", "quantity", "start_time", "steps"]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    INCLUDED_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    amount: str
    description: str
    end_time: _timestamp_pb2.Timestamp
    included: str
    kind: LineKind
    metric: str
    plan: str
    quantity: str
    start_time: _timestamp_pb2.Timestamp
    steps: _containers.RepeatedCompositeFieldContainer[ChargeStep]
    def __init__(self, kind: _Optional[_Union[LineKind, str]] = ..., description: _Optional[str] = ..., amount: _Optional[str] = ..., plan: _Optional[str] = ..., metric: _Optional[str] = ..., start_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., quantity: _Optional[str] = ..., included: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[ChargeStep, _Mapping]]] = ...) -> None: ...

class PaymentAttempt(_message.Message):
    __slots__ = ["attempt", "attempt_time", "idempotency_key", "provider", "reference", "succeeded"]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_TIME_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    attempt: int
    attempt_time: _timestamp_pb2.Timestamp
    idempotency_key: str
    provider: str
    reference: str
    succeeded: bool
    def __init__(self, attempt: _Optional[int] = ..., idempotency_key: _Optional[str] = ..., provider: _Optional[str] = ..., succeeded: bool = ..., reference: _Optional[str] = ..., attempt_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class InvoiceState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class LineKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
