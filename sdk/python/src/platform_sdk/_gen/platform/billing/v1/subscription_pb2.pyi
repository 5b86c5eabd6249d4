from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

CHANGE_TIMING_NOW: ChangeTiming
CHANGE_TIMING_PERIOD_END: ChangeTiming
CHANGE_TIMING_UNSPECIFIED: ChangeTiming
COMMITMENT_TERM_ONE_YEAR: CommitmentTerm
COMMITMENT_TERM_THREE_YEARS: CommitmentTerm
COMMITMENT_TERM_UNSPECIFIED: CommitmentTerm
DESCRIPTOR: _descriptor.FileDescriptor
SUBSCRIPTION_STATE_ACTIVE: SubscriptionState
SUBSCRIPTION_STATE_CANCELED: SubscriptionState
SUBSCRIPTION_STATE_TRIALING: SubscriptionState
SUBSCRIPTION_STATE_UNSPECIFIED: SubscriptionState

class Subscription(_message.Message):
    __slots__ = ["billing_anchor_day", "billing_start_time", "changes", "commitment_end_time", "commitment_term", "credit_balance", "current_period_end_time", "current_period_start_time", "end_time", "name", "plan", "price_version", "scheduled_plan", "start_time", "state", "subscription_id", "time_zone"]
    BILLING_ANCHOR_DAY_FIELD_NUMBER: _ClassVar[int]
    BILLING_START_TIME_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    COMMITMENT_END_TIME_FIELD_NUMBER: _ClassVar[int]
    COMMITMENT_TERM_FIELD_NUMBER: _ClassVar[int]
    CREDIT_BALANCE_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PERIOD_END_TIME_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PERIOD_START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    PRICE_VERSION_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_PLAN_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    billing_anchor_day: int
    billing_start_time: _timestamp_pb2.Timestamp
    changes: _containers.RepeatedCompositeFieldContainer[SubscriptionChange]
    commitment_end_time: _timestamp_pb2.Timestamp
    commitment_term: CommitmentTerm
    credit_balance: str
    current_period_end_time: _timestamp_pb2.Timestamp
    current_period_start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    name: str
    plan: str
    price_version: int
    scheduled_plan: str
    start_time: _timestamp_pb2.Timestamp
    state: SubscriptionState
    subscription_id: str
    time_zone: str
    def __init__(self, name: _Optional[str] = ..., subscription_id: _Optional[str] = ..., state: _Optional[_Union[SubscriptionState, str]] = ..., plan: _Optional[str] = ..., price_version: _Optional[int] = ..., commitment_term: _Optional[_Union[CommitmentTerm, str]] = ..., commitment_end_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., start_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., billing_start_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., time_zone: _Optional[str] = ..., billing_anchor_day: _Optional[int] = ..., current_period_start_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., current_period_end_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., scheduled_plan: _Optional[str] = ..., end_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., changes: _Optional[_Iterable[_Union[SubscriptionChange, _Mapping]]] = ..., credit_balance: _Optional[str] = ...) -> None: ...

class SubscriptionChange(_message.Message):
    __slots__ = ["plan", "price_version", "request_time", "timing"]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    PRICE_VERSION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_TIME_FIELD_NUMBER: _ClassVar[int]
    TIMING_FIELD_NUMBER: _ClassVar[int]
    plan: str
    price_version: int
    request_time: _timestamp_pb2.Timestamp
    timing: ChangeTiming
    def __init__(self, request_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., plan: _Optional[str] = ..., price_version: _Optional[int] = ..., timing: _Optional[_Union[ChangeTiming, str]] = ...) -> None: ...

class CommitmentTerm(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ChangeTiming(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class SubscriptionState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
