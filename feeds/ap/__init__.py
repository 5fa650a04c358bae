"""Provides `--format ap`: the AP Elections API (v2 and v3) read into `results-board/1.1` feeds.

- `feeds.ap.parse`: one AP response (races → reporting units → candidates) into `ApRace`s,
  every documented scale checked;
- `feeds.ap.trend`: a balance-of-power trend table into a `legislature` contest;
- `feeds.ap.adapter`: `ApAdapter`, which merges each partial response into the races it holds
  and publishes whole feeds;
- `feeds.ap.sources`: `ApSource` (HTTP: the key header, `nextrequest` links, truncated pages,
  quota) and `open_ap`, the opener `--format ap` uses.

Field meanings and scales follow AP's public documentation (developer.ap.org/ap-elections-api:
"Elections Response", "Receiving Election Updates", "API Codes", "Working with Query Quotas").
"""

from __future__ import annotations

from feeds.ap.adapter import ApAdapter
from feeds.ap.parse import ApCandidate, ApRace, ApResponse, parse_response

__all__ = ["ApAdapter", "ApCandidate", "ApRace", "ApResponse", "parse_response"]
