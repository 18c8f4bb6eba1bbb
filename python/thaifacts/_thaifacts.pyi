"""Type stubs of the compiled module (python/src/lib.rs)."""

import datetime
from typing import Any, Dict, List, Literal, Sequence, Tuple, Union

from .types import ArticleFacts, RecordResult

Published = Union[str, datetime.date, None]
"""A ``datetime.date`` (not a ``datetime.datetime``) or a ``"YYYY-MM-DD"`` string."""

Offsets = Literal["byte", "char"]
"""``"byte"``: UTF-8 byte offsets (the JSON contract); ``"char"``: ``str`` indices."""

SCHEMA_VERSION: int

def extract(text: str, published: Published = None, offsets: Offsets = "byte") -> ArticleFacts:
    """The facts of one article.

    Raises ``ValueError`` for a ``published`` string that is neither a
    Gregorian ``YYYY-MM-DD`` date nor a single Thai date (``"14 ก.พ. 2567"``), or an unknown ``offsets``; ``TypeError`` for a
    ``published`` of another type.
    """

def extract_many(
    texts: Sequence[str], published: Published = None, offsets: Offsets = "byte"
) -> List[ArticleFacts]:
    """The facts of many articles, in input order, on all cores (GIL released)."""

def extract_json(text: str, published: Published = None) -> str:
    """The facts of one article as JSON text, byte for byte as the CLI writes it."""

def extract_records(records: Sequence[Tuple[int, str]], published: Published = None) -> List[RecordResult]:
    """``(line, json_text)`` JSON Lines records, as ``thaifacts extract --jsonl`` reads them.

    Each gives ``{"id", "line", "facts"}`` or, for a record that cannot be read,
    ``{"id", "line", "error"}`` with the command-line tool's message. Byte offsets.
    """

def normalize(text: str, offsets: Offsets = "byte") -> Normalized:
    """Thai normalization of ``text``, with a map back to it."""

def json_schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the facts ``extract`` returns."""

class Normalized:
    """An article after Thai normalization."""

    @property
    def text(self) -> str:
        """The normalized text."""

    def to_original(self, start: int, end: int) -> Tuple[int, int]:
        """The range of the input that ``[start, end)`` of ``text`` came from.

        In the offsets ``normalize`` was called with; clamped, never raises.
        """
