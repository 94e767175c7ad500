"""Small helpers for the date tagger tests."""

from bilateral.extract.dates import tag_dates


def found(text: str) -> list[tuple[str, str]]:
    """(expression, EDTF) for every date expression the tagger finds in one paragraph."""
    return [(span.text, span.edtf) for span in tag_dates(text)]
