"""Properties of the date tagger over generated dates and random text."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.extract.dates import tag_dates
from bilateral.model.edtf import is_valid

MONTHS = (
    "January February March April May June July August September October November December"
).split()
ABBREVIATIONS = "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sept. Oct. Nov. Dec.".split()
SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}

days = st.dates(min_value=date(1000, 1, 1), max_value=date(2099, 12, 31))


def _ordinal(day: int) -> str:
    return f"{day}{SUFFIX.get(day, 'th')}"


def day_forms(d: date) -> list[str]:
    month, short = MONTHS[d.month - 1], ABBREVIATIONS[d.month - 1]
    forms = [
        f"{month} {d.day}, {d.year}",
        f"{month} {d.day} {d.year}",
        f"{d.day} {month} {d.year}",
        f"{d.day} {month}, {d.year}",
        f"{month} {_ordinal(d.day)}, {d.year}",
        f"{_ordinal(d.day)} {month} {d.year}",
        f"the {_ordinal(d.day)} of {month}, {d.year}",
        f"{short} {d.day}, {d.year}",
        f"{d.day} {short} {d.year}",
        f"{month.upper()} {d.day}, {d.year}",
        d.isoformat(),
    ]
    if d.day > 12 or d.day == d.month:
        forms.append(f"{d.day:02d}/{d.month:02d}/{d.year}")
        forms.append(f"{d.month}/{d.day}/{d.year}")
    return forms


def month_forms(d: date) -> list[str]:
    month, short = MONTHS[d.month - 1], ABBREVIATIONS[d.month - 1]
    return [f"{month} {d.year}", f"{month}, {d.year}", f"{short} {d.year}", f"{month} of {d.year}"]


@given(days, st.data())
def test_every_surface_form_of_a_day_gives_the_same_edtf(d: date, data: st.DataObject) -> None:
    form = data.draw(st.sampled_from(day_forms(d)))
    (span,) = tag_dates(f"The treaty was signed on {form} in Lima.")
    assert span.text == form.removeprefix("the ")
    assert span.edtf == d.isoformat()


@given(days, st.data())
def test_every_surface_form_of_a_month_gives_the_same_edtf(d: date, data: st.DataObject) -> None:
    form = data.draw(st.sampled_from(month_forms(d)))
    (span,) = tag_dates(f"The treaty was signed in {form}, in Lima.")
    assert span.text == form
    assert span.edtf == f"{d.year:04d}-{d.month:02d}"


@given(st.integers(1000, 2099), st.integers(1, 30))
def test_year_ranges_give_an_interval(first: int, length: int) -> None:
    last = first + length
    for form in (f"{first}–{last}", f"{first}-{last}", f"from {first} to {last}"):
        (span,) = tag_dates(f"It lasted {form}, they say.")
        assert (span.text, span.edtf) == (form, f"{first}/{last}")


text_pieces = st.sampled_from(
    [
        "May", "2", "1826", ",", " ", "the", "following", "year", "in", "1990s", "–", "-",
        "late", "century", "19th", "from", "to", "between", "and", "circa", "$", "%", "/",
        "APEC", "2024", "days", "before", "later", "that", "month", ".", "\n", "0", "12",
        "Jan.", "spring", "of", "31", "February", "30", "é", "—", "(", ")",
    ]
)  # fmt: skip
noisy = st.one_of(st.text(max_size=200), st.lists(text_pieces, max_size=60).map(" ".join))


@settings(max_examples=300)
@given(noisy)
def test_random_text_never_crashes_and_offsets_slice_the_text(text: str) -> None:
    spans = tag_dates(text)
    reach = 0
    for span in spans:
        assert reach <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.edtf == "" or is_valid(span.edtf)
        assert span.unanchored == (span.relative and span.edtf == "")
        reach = span.end


@given(noisy, noisy, noisy)
def test_offsets_of_a_paragraph_inside_a_text_are_offsets_into_that_text(
    before: str, paragraph: str, after: str
) -> None:
    text = before + paragraph + after
    inside = tag_dates(text, len(before), len(before) + len(paragraph))
    alone = tag_dates(paragraph)
    assert [(s.start - len(before), s.edtf) for s in inside] == [(s.start, s.edtf) for s in alone]
    assert all(text[s.start : s.end] == s.text for s in inside)
