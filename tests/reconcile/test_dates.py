"""How far apart a claim's date and a record's are, said at the coarser precision."""

from bilateral.reconcile.dates import agrees, difference, distance, span


def test_a_day_against_a_year_differs_in_years() -> None:
    assert difference("1837-03-16", "1838") == "1 year apart"


def test_a_month_against_a_day_differs_in_months() -> None:
    assert difference("1838-01", "1837-12-10") == "1 month apart"


def test_two_days_differ_in_days() -> None:
    assert difference("1838-06-08", "1838-06-09") == "1 day apart"
    assert difference("1837-03-16", "1836-06-15") == "274 days (about 9 months) apart"
    assert difference("1900-01-01", "1950-01-01") == "about 50 years apart"


def test_dates_that_agree_at_the_coarser_precision_have_no_difference() -> None:
    assert agrees("1840-01", "1840-01-30")
    assert difference("1840-01", "1840-01-30") is None


def test_an_interval_agrees_with_a_date_inside_it() -> None:
    assert agrees("2013-06", "2013-06-10/2013-06-12")
    assert distance("1983", "1984-09-25/1984-09-27") == 269


def test_what_is_not_a_date_is_not_compared() -> None:
    assert agrees("sometime", "1838") is None
    assert difference("sometime", "1838") is None


def test_a_record_span_is_a_day_or_an_interval() -> None:
    assert span("2002-03-23", "2002-03-24") == "2002-03-23/2002-03-24"
    assert span("2002-03-23", "2002-03-23") == "2002-03-23"
    assert span("2002-03-23", None) == "2002-03-23"
