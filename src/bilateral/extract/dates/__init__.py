"""The temporal tagger: date expressions in text, normalised to EDTF.

`tag_dates` finds the expressions of one paragraph; `DateTagger` is the
pipeline component that runs it over a document. The rules are regular
expressions built from word lists in ``lexicons/dates_*``; `tagger.py`
describes the steps.
"""

from bilateral.extract.dates.component import DateTagger
from bilateral.extract.dates.spans import DateSpan
from bilateral.extract.dates.tagger import tag_dates

__all__ = ["DateSpan", "DateTagger", "tag_dates"]
