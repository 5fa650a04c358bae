"""Provides `parse_xml`, the one door PA XML comes in by, and readers of its attribute values.

Every file goes through defusedxml with DTDs forbidden: PA's messages are
specified by W3C schemas (XML format page) and carry no DOCTYPE, so a DTD is
refused outright, and with it every entity declaration (an entity bomb, "billion
laughs") and every external entity or DTD reference. Nothing is expanded and
nothing is fetched. A refusal names what was found, so the desk can tell a
hostile file from a cut-off one.

PA writes every value as a string (attributes, e.g. `seats="24"`); changes are
signed (`change="+7"`, `percentageChange="-3.87"`); an attribute that is absent
means zero (`FirstPastThePostStateOfParties` leaves out `gains` of a party that
gained none). `count`, `signed` and `percent` read them so.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from xml.etree.ElementTree import Element, ParseError
from zoneinfo import ZoneInfo

import defusedxml
import defusedxml.ElementTree as SafeTree

from feeds.text import clean_text

__all__ = [
    "UK",
    "PaXmlError",
    "child",
    "count",
    "flag",
    "moment",
    "optional",
    "parse_xml",
    "percent",
    "signed",
    "text",
]

UK = ZoneInfo("Europe/London")
"""PA's clock when a `declarationTime` has no offset."""

_ENTITY = re.compile(rb"<!ENTITY\s+%?\s*[^\s>]+\s+(SYSTEM|PUBLIC)?", re.IGNORECASE)


class PaXmlError(ValueError):
    """Raised for a file that is not usable XML: malformed, cut off, or refused as unsafe.

    `str()` is one line for the status bar ("malformed XML at line 4, column 10").
    """


def parse_xml(body: bytes) -> Element:
    """The root element of `body`, parsed safely.

    Raises:
        PaXmlError: empty, malformed or cut off ("no closing tag"), or a DTD,
            entity declaration (entity bomb) or external entity (refused, never
            expanded or fetched).
    """
    if not body.strip():
        raise PaXmlError("empty file")
    try:
        return SafeTree.fromstring(body, forbid_dtd=True)
    except defusedxml.DTDForbidden:
        raise PaXmlError(_dtd_refusal(body)) from None
    except defusedxml.DefusedXmlException as error:  # entities or external refs without a DTD
        raise PaXmlError(f"unsafe XML refused ({type(error).__name__})") from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        reason = str(error).split(":")[0]
        if reason.startswith(("no element found", "unclosed token")):
            raise PaXmlError(f"XML cut off at line {line} (file incomplete?)") from None
        raise PaXmlError(f"malformed XML ({reason}) at line {line}, column {column}") from None


def _dtd_refusal(body: bytes) -> str:
    found = [match.group(1) for match in _ENTITY.finditer(body[:65536])]
    if any(found):
        return "external entity reference refused (nothing fetched)"
    if found:
        return "XML entity declarations refused (possible entity bomb; nothing expanded)"
    return "XML with a DTD refused (PA XML has none; nothing fetched)"


def text(element: Element, name: str, limit: int = 80) -> str:
    """Attribute `name` as clean text ("" when absent)."""
    return clean_text(element.get(name, ""), limit)


def count(element: Element, name: str) -> int:
    """Attribute `name` as a count: "24" → 24; absent or empty → 0 (PA leaves zeros out).

    Raises:
        ValueError: not a whole number, or negative.
    """
    value = signed(element, name)
    if value < 0:
        raise ValueError(f"{name}={element.get(name)!r} is negative")
    return value


def signed(element: Element, name: str) -> int:
    """Attribute `name` as a signed whole number: "+7" → 7, "-2" → −2; absent → 0.

    Raises:
        ValueError: not a whole number.
    """
    raw = element.get(name, "").strip()
    if not raw:
        return 0
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name}={raw[:20]!r} is not a whole number") from None


def percent(element: Element, name: str) -> float | None:
    """Attribute `name` as a percentage or signed change in points: "36.98", "+7.99"; absent → None.

    Raises:
        ValueError: not a finite number.
    """
    raw = element.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw[:20]!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{name}={raw[:20]!r} is not a number")
    return value


def flag(element: Element, name: str) -> bool:
    """Attribute `name` as a mark: PA writes `elected="*"`; "true"/"yes"/"1" also mean set."""
    return element.get(name, "").strip().lower() in ("*", "true", "yes", "1", "y")


def optional(element: Element, name: str) -> int | None:
    """Attribute `name` as a count, or None when absent (a figure PA did not send).

    Raises:
        ValueError: as `count`.
    """
    return count(element, name) if element.get(name, "").strip() else None


def moment(element: Element, name: str) -> datetime | None:
    """Attribute `name` as an ISO 8601 time (UK time when it has no offset); None when absent.

    Raises:
        ValueError: not a time.
    """
    raw = element.get(name, "").strip()
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"{name}={raw[:40]!r} is not a time") from None
    return value if value.tzinfo else value.replace(tzinfo=UK)


def child(parent: Element, name: str) -> Element:
    """The first child element `name` of `parent`.

    Raises:
        ValueError: there is none ("<LocalElectionResult> has no <Election>").
    """
    found = parent.find(name)
    if found is None:
        raise ValueError(f"<{clean_text(parent.tag, 40)}> has no <{name}>")
    return found
