"""Every passage of the paper the score cites has an English translation beside it."""

from __future__ import annotations

from game.scoring.rules import default_rulebook
from game.scoring.seat import BUREAU_PARTS, TOWNSHIP_PARTS


def _cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def test_every_indicator_and_rule_quote_is_translated() -> None:
    book = default_rulebook()
    citations = [i.citation for i in book.indicators] + [r.citation for r in book.rules]
    for citation in citations:
        assert citation.quote_en and not _cjk(citation.quote_en), citation.quote
        # An ellipsis in the original is kept in the translation (nothing silently joined).
        assert citation.quote.count("……") <= citation.quote_en.count("…"), citation.quote


def test_every_seat_part_quote_is_translated() -> None:
    for part in TOWNSHIP_PARTS + BUREAU_PARTS:
        assert part.quote_en and not _cjk(part.quote_en), part.key
