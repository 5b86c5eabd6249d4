from platform_sdk._gen.google.api import annotations_pb2 as _annotations_pb2
from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from platform_sdk._gen.platform.api.v1 import method_options_pb2 as _method_options_pb2
from platform_sdk._gen.platform.billing.v1 import catalog_pb2 as _catalog_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateBillableMetricRequest(_message.Message):
    __slots__ = ["billable_metric", "billable_metric_id", "request_id"]
    BILLABLE_METRIC_FIELD_NUMBER: _ClassVar[int]
    BILLABLE_METRIC_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    billable_metric: _catalog_pb2.BillableMetric
    billable_metric_id: str
    request_id: str
    def __init__(self, billable_metric_id: _Optional[str] = ..., billable_metric: _Optional[_Union[_catalog_pb2.BillableMetric, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreatePlanPriceRequest(_message.Message):
    __slots__ = ["parent", "price", "request_id"]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    price: _catalog_pb2.PlanPrice
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., price: _Optional[_Union[_catalog_pb2.PlanPrice, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class DeleteBillableMetricRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetBillableMetricRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetCurrentPlanPriceRequest(_message.Message):
    __slots__ = ["parent"]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    parent: str
    def __init__(self, parent: _Optional[str] = ...) -> None: ...

class GetPlanPriceRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListBillableMetricsRequest(_message.Message):
    __slots__ = ["page_size", "page_token"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListBillableMetricsResponse(_message.Message):
    __slots__ = ["billable_metrics", "next_page_token"]
    BILLABLE_METRICS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    billable_metrics: _containers.RepeatedCompositeFieldContainer[_catalog_pb2.BillableMetric]
    next_page_token: str
    def __init__(self, billable_metrics: _Optional[_Iterable[_Union[_catalog_pb2.BillableMetric, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListPlanPricesRequest(_message.Message):
    __slots__ = ["page_size", "page_token", "parent"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    parent: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListPlanPricesResponse(_message.Message):
    __slots__ = ["next_page_token", "prices"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PRICES_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    prices: _containers.RepeatedCompositeFieldContainer[_catalog_pb2.PlanPrice]
    def __init__(self, prices: _Optional[_Iterable[_Union[_catalog_pb2.PlanPrice, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
