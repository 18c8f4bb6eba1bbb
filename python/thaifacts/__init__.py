"""Typed facts from Thai news articles.

``extract(text, published=None, offsets="byte")`` returns one article's facts
as a dict with the JSON contract of the Rust library (``schema_version`` 1):
``people``, ``organizations``, ``places``, ``dates``, ``numbers``. Every span is
a pair of offsets into ``text``: UTF-8 *byte* offsets by default, as in the
JSON contract (``text.encode()[start:end]``), or with ``offsets="char"``
indices into the Python ``str`` (``text[start:end]``).

``published`` is a ``datetime.date``, a ``"YYYY-MM-DD"`` string or a Thai
date string (``"14 ก.พ. 2567"``): the anchor for year-less and relative dates.
It is read strictly, as the command-line tool reads it; a Buddhist-era year (2400 or later) is a ``ValueError`` that
names the Gregorian date meant.

``extract_many(texts, ...)`` does the same for a list of texts on all cores,
releasing the GIL while it works. ``extract_records(records, ...)`` processes
``(line, json_text)`` JSON Lines records exactly as ``thaifacts extract
--jsonl`` does, a record that cannot be read giving ``{"id", "line",
"error"}``. ``normalize(text)`` is the first stage alone, with
``to_original`` mapping spans back. ``json_schema()`` is the JSON Schema of the
facts; the ``TypedDict`` types in ``thaifacts.types`` are generated from it.
"""

from ._thaifacts import (
    SCHEMA_VERSION,
    Normalized,
    extract,
    extract_json,
    extract_many,
    extract_records,
    json_schema,
    normalize,
)
from .types import (
    ArticleFacts,
    DateFact,
    Mention,
    NumberFact,
    Organization,
    Person,
    Place,
    RecordError,
    RecordFacts,
    RecordResult,
)

__all__ = [
    "SCHEMA_VERSION",
    "Normalized",
    "extract",
    "extract_json",
    "extract_many",
    "extract_records",
    "json_schema",
    "normalize",
    "ArticleFacts",
    "DateFact",
    "Mention",
    "NumberFact",
    "Organization",
    "Person",
    "Place",
    "RecordError",
    "RecordFacts",
    "RecordResult",
]
