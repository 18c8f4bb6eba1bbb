"""Typed facts from Thai news articles.

``extract(text, published=None)`` returns one article's facts as a dict with the
JSON contract of the Rust library (``schema_version`` 1): ``people``,
``organizations``, ``places``, ``dates``, ``numbers``; every span is a pair of
*byte* offsets into the UTF-8 encoding of ``text``.

``extract_many(texts, published=None)`` does the same for a list of texts on all
cores, releasing the GIL while it works.
"""

from ._thaifacts import extract, extract_many, extract_json, SCHEMA_VERSION

__all__ = ["extract", "extract_many", "extract_json", "SCHEMA_VERSION"]
