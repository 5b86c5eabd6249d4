from platform_sdk._gen.google.api import annotations_pb2 as _annotations_pb2
from platform_sdk._gen.google.api import field_behavior_pb2 as _field_behavior_pb2
from platform_sdk._gen.google.api import resource_pb2 as _resource_pb2
from platform_sdk._gen.google.longrunning import operations_pb2 as _operations_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from platform_sdk._gen.platform.api.v1 import method_options_pb2 as _method_options_pb2
from platform_sdk._gen.platform.search.v1 import reindex_pb2 as _reindex_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

CONSISTENCY_EVENTUAL: Consistency
CONSISTENCY_STRONG: Consistency
CONSISTENCY_UNSPECIFIED: Consistency
DESCRIPTOR: _descriptor.FileDescriptor
FUZZINESS_AUTO: Fuzziness
FUZZINESS_OFF: Fuzziness
FUZZINESS_UNSPECIFIED: Fuzziness

class CreateSynonymSetRequest(_message.Message):
    __slots__ = ["parent", "synonym_set", "synonym_set_id"]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    SYNONYM_SET_FIELD_NUMBER: _ClassVar[int]
    SYNONYM_SET_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    synonym_set: SynonymSet
    synonym_set_id: str
    def __init__(self, parent: _Optional[str] = ..., synonym_set_id: _Optional[str] = ..., synonym_set: _Optional[_Union[SynonymSet, _Mapping]] = ...) -> None: ...

class DeleteSynonymSetRequest(_message.Message):
    __slots__ = ["etag", "name"]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    etag: str
    name: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...

class Facet(_message.Message):
    __slots__ = ["attribute", "buckets", "ranges"]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    BUCKETS_FIELD_NUMBER: _ClassVar[int]
    RANGES_FIELD_NUMBER: _ClassVar[int]
    attribute: str
    buckets: _containers.RepeatedCompositeFieldContainer[FacetBucket]
    ranges: _containers.RepeatedCompositeFieldContainer[RangeBucket]
    def __init__(self, attribute: _Optional[str] = ..., buckets: _Optional[_Iterable[_Union[FacetBucket, _Mapping]]] = ..., ranges: _Optional[_Iterable[_Union[RangeBucket, _Mapping]]] = ...) -> None: ...

class FacetBucket(_message.Message):
    __slots__ = ["count", "value"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    count: int
    value: _struct_pb2.Value
    def __init__(self, value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., count: _Optional[int] = ...) -> None: ...

class GeoFilter(_message.Message):
    __slots__ = ["attribute", "center", "radius_meters"]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    CENTER_FIELD_NUMBER: _ClassVar[int]
    RADIUS_METERS_FIELD_NUMBER: _ClassVar[int]
    attribute: str
    center: GeoPoint
    radius_meters: float
    def __init__(self, attribute: _Optional[str] = ..., center: _Optional[_Union[GeoPoint, _Mapping]] = ..., radius_meters: _Optional[float] = ...) -> None: ...

class GeoPoint(_message.Message):
    __slots__ = ["latitude", "longitude"]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    latitude: float
    longitude: float
    def __init__(self, latitude: _Optional[float] = ..., longitude: _Optional[float] = ...) -> None: ...

class GetSynonymSetRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class Highlight(_message.Message):
    __slots__ = ["attribute", "snippet"]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    SNIPPET_FIELD_NUMBER: _ClassVar[int]
    attribute: str
    snippet: str
    def __init__(self, attribute: _Optional[str] = ..., snippet: _Optional[str] = ...) -> None: ...

class ListSynonymSetsRequest(_message.Message):
    __slots__ = ["page_size", "page_token", "parent"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    parent: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListSynonymSetsResponse(_message.Message):
    __slots__ = ["next_page_token", "synonym_sets"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SYNONYM_SETS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    synonym_sets: _containers.RepeatedCompositeFieldContainer[SynonymSet]
    def __init__(self, synonym_sets: _Optional[_Iterable[_Union[SynonymSet, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class OneWaySynonym(_message.Message):
    __slots__ = ["input", "synonyms"]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    SYNONYMS_FIELD_NUMBER: _ClassVar[int]
    input: str
    synonyms: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, input: _Optional[str] = ..., synonyms: _Optional[_Iterable[str]] = ...) -> None: ...

class RangeBucket(_message.Message):
    __slots__ = ["count", "end", "start"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    count: int
    end: str
    start: str
    def __init__(self, start: _Optional[str] = ..., end: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class RangeFacet(_message.Message):
    __slots__ = ["attribute", "boundaries"]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    BOUNDARIES_FIELD_NUMBER: _ClassVar[int]
    attribute: str
    boundaries: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, attribute: _Optional[str] = ..., boundaries: _Optional[_Iterable[str]] = ...) -> None: ...

class SearchEntitiesRequest(_message.Message):
    __slots__ = ["consistency", "facets", "filter", "fuzziness", "geo", "order_by", "page_size", "page_token", "parent", "query", "range_facets", "read_mask"]
    CONSISTENCY_FIELD_NUMBER: _ClassVar[int]
    FACETS_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    FUZZINESS_FIELD_NUMBER: _ClassVar[int]
    GEO_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    RANGE_FACETS_FIELD_NUMBER: _ClassVar[int]
    READ_MASK_FIELD_NUMBER: _ClassVar[int]
    consistency: Consistency
    facets: _containers.RepeatedScalarFieldContainer[str]
    filter: str
    fuzziness: Fuzziness
    geo: GeoFilter
    order_by: str
    page_size: int
    page_token: str
    parent: str
    query: str
    range_facets: _containers.RepeatedCompositeFieldContainer[RangeFacet]
    read_mask: _field_mask_pb2.FieldMask
    def __init__(self, parent: _Optional[str] = ..., query: _Optional[str] = ..., filter: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., facets: _Optional[_Iterable[str]] = ..., consistency: _Optional[_Union[Consistency, str]] = ..., fuzziness: _Optional[_Union[Fuzziness, str]] = ..., geo: _Optional[_Union[GeoFilter, _Mapping]] = ..., order_by: _Optional[str] = ..., read_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., range_facets: _Optional[_Iterable[_Union[RangeFacet, _Mapping]]] = ...) -> None: ...

class SearchEntitiesResponse(_message.Message):
    __slots__ = ["facets", "hits", "next_page_token", "total_size", "total_size_is_estimate"]
    FACETS_FIELD_NUMBER: _ClassVar[int]
    HITS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_IS_ESTIMATE_FIELD_NUMBER: _ClassVar[int]
    facets: _containers.RepeatedCompositeFieldContainer[Facet]
    hits: _containers.RepeatedCompositeFieldContainer[SearchHit]
    next_page_token: str
    total_size: int
    total_size_is_estimate: bool
    def __init__(self, hits: _Optional[_Iterable[_Union[SearchHit, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ..., facets: _Optional[_Iterable[_Union[Facet, _Mapping]]] = ..., total_size_is_estimate: bool = ...) -> None: ...

class SearchHit(_message.Message):
    __slots__ = ["attributes", "distance_meters", "highlights", "name", "score"]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    DISTANCE_METERS_FIELD_NUMBER: _ClassVar[int]
    HIGHLIGHTS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    attributes: _struct_pb2.Struct
    distance_meters: float
    highlights: _containers.RepeatedCompositeFieldContainer[Highlight]
    name: str
    score: float
    def __init__(self, name: _Optional[str] = ..., score: _Optional[float] = ..., attributes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., highlights: _Optional[_Iterable[_Union[Highlight, _Mapping]]] = ..., distance_meters: _Optional[float] = ...) -> None: ...

class SuggestCompletionsRequest(_message.Message):
    __slots__ = ["page_size", "parent", "prefix"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    parent: str
    prefix: str
    def __init__(self, parent: _Optional[str] = ..., prefix: _Optional[str] = ..., page_size: _Optional[int] = ...) -> None: ...

class SuggestCompletionsResponse(_message.Message):
    __slots__ = ["suggestions"]
    SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    suggestions: _containers.RepeatedCompositeFieldContainer[Suggestion]
    def __init__(self, suggestions: _Optional[_Iterable[_Union[Suggestion, _Mapping]]] = ...) -> None: ...

class Suggestion(_message.Message):
    __slots__ = ["attribute", "entity_count", "text"]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    ENTITY_COUNT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    attribute: str
    entity_count: int
    text: str
    def __init__(self, text: _Optional[str] = ..., attribute: _Optional[str] = ..., entity_count: _Optional[int] = ...) -> None: ...

class SynonymGroup(_message.Message):
    __slots__ = ["terms"]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    terms: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, terms: _Optional[_Iterable[str]] = ...) -> None: ...

class SynonymSet(_message.Message):
    __slots__ = ["create_time", "equivalent_groups", "etag", "name", "one_way_rules", "update_time"]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EQUIVALENT_GROUPS_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ONE_WAY_RULES_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    create_time: _timestamp_pb2.Timestamp
    equivalent_groups: _containers.RepeatedCompositeFieldContainer[SynonymGroup]
    etag: str
    name: str
    one_way_rules: _containers.RepeatedCompositeFieldContainer[OneWaySynonym]
    update_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., equivalent_groups: _Optional[_Iterable[_Union[SynonymGroup, _Mapping]]] = ..., one_way_rules: _Optional[_Iterable[_Union[OneWaySynonym, _Mapping]]] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateSynonymSetRequest(_message.Message):
    __slots__ = ["synonym_set"]
    SYNONYM_SET_FIELD_NUMBER: _ClassVar[int]
    synonym_set: SynonymSet
    def __init__(self, synonym_set: _Optional[_Union[SynonymSet, _Mapping]] = ...) -> None: ...

class Fuzziness(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Consistency(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
