from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CustomDomain(_message.Message):
    __slots__ = ["domain", "verification_token", "verified"]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    VERIFICATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_FIELD_NUMBER: _ClassVar[int]
    domain: str
    verification_token: str
    verified: bool
    def __init__(self, domain: _Optional[str] = ..., verified: bool = ..., verification_token: _Optional[str] = ...) -> None: ...

class Tenant(_message.Message):
    __slots__ = ["billing_anchor_day", "create_time", "custom_domains", "delete_time", "display_name", "etag", "labels", "name", "plan", "purge_time", "state", "subdomain", "tenant_id", "tier", "time_zone", "update_time"]
    class State(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    class Tier(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    class LabelsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BILLING_ANCHOR_DAY_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_DOMAINS_FIELD_NUMBER: _ClassVar[int]
    DELETE_TIME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    PURGE_TIME_FIELD_NUMBER: _ClassVar[int]
    STATE_ACTIVE: Tenant.State
    STATE_DELETED: Tenant.State
    STATE_FIELD_NUMBER: _ClassVar[int]
    STATE_SUSPENDED: Tenant.State
    STATE_UNSPECIFIED: Tenant.State
    SUBDOMAIN_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    TIER_ENTERPRISE: Tenant.Tier
    TIER_FIELD_NUMBER: _ClassVar[int]
    TIER_FREE: Tenant.Tier
    TIER_STANDARD: Tenant.Tier
    TIER_UNSPECIFIED: Tenant.Tier
    TIER_VIP: Tenant.Tier
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    billing_anchor_day: int
    create_time: _timestamp_pb2.Timestamp
    custom_domains: _containers.RepeatedCompositeFieldContainer[CustomDomain]
    delete_time: _timestamp_pb2.Timestamp
    display_name: str
    etag: str
    labels: _containers.ScalarMap[str, str]
    name: str
    plan: str
    purge_time: _timestamp_pb2.Timestamp
    state: Tenant.State
    subdomain: str
    tenant_id: str
    tier: Tenant.Tier
    time_zone: str
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., tenant_id: _Optional[str] = ..., display_name: _Optional[str] = ..., tier: _Optional[_Union[Tenant.Tier, str]] = ..., state: _Optional[_Union[Tenant.State, str]] = ..., subdomain: _Optional[str] = ..., custom_domains: _Optional[_Iterable[_Union[CustomDomain, _Mapping]]] = ..., labels: _Optional[_Mapping[str, str]] = ..., time_zone: _Optional[str] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., delete_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., purge_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ..., plan: _Optional[str] = ..., billing_anchor_day: _Optional[int] = ...) -> None: ...
