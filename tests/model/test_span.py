from bilateral.model.span import OffsetMap, Span


def test_span_slices_text_end_exclusive() -> None:
    assert Span(2, 5).of("abcdefg") == "cde"


def test_identity_map_returns_span_unchanged() -> None:
    assert OffsetMap.identity().to_original(Span(3, 9)) == Span(3, 9)


def test_map_covers_every_original_character_of_a_derived_span() -> None:
    # derived "ab" came from original positions 4 and 9 (markup between them)
    mapping = OffsetMap.from_positions([4, 9])
    assert mapping.to_original(Span(0, 2)) == Span(4, 10)


def test_empty_span_at_end_maps_after_last_character() -> None:
    mapping = OffsetMap.from_positions([4, 9])
    assert mapping.to_original(Span(2, 2)) == Span(10, 10)


def test_invalid_span_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError):
        Span(5, 2)
