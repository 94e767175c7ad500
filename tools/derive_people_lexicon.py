"""Derive ``lexicons/people.tsv`` (national leaders and ministers) from CountryInfo.

Run by hand when refreshing the lexicon, never at run time:

    python tools/derive_people_lexicon.py ../shared/reference/countryinfo/CountryInfo.120116.txt \
        | sort -u > src/bilateral/lexicons/people.tsv

(then move the two comment lines back to the top). Hand-added people go in
``lexicons/people_curated.tsv``.

Each row: name, state id (ISO alpha-2), role, start, end (EDTF years or
dates at the precision given; empty when open). Names come upper-case and
without accents in the reference; they are title-cased here and matched
accent-insensitively at run time.
"""

from __future__ import annotations

import re
import sys

_ENTRY = re.compile(r"^\s*((?:\{[^}]+\})+|[A-Z][A-Z0-9_.'\-]+_)\s*(.*)$")
_TERM = re.compile(r"\[(?:[A-Z]{3}[A-Z]*\s+)?([<>]?)(\d{8})?(?:\s*-\s*(\d{8}))?\]")
# Roles that matter for relations between states; ministers of other portfolios are left out.
_ROLES = re.compile(
    r"president|prime minister|premier|foreign|external|ambassador|king|queen|emir|sultan|"
    r"monarch|head of state|chancellor|secretary of state|permanent representative|"
    r"defen[cs]e|governor-general|dictator|leader|chairman",
    re.I,
)
_SMALL = {"de", "del", "da", "dos", "das", "la", "las", "los", "y", "van", "von", "bin", "al", "el"}


def _name(raw: str) -> str:
    words = raw.strip("_{}").replace("_", " ").split()
    titled = [
        w.lower() if w.lower() in _SMALL and i else w.capitalize() for i, w in enumerate(words)
    ]
    return " ".join(titled)


def _date(value: str | None) -> str:
    if not value:
        return ""
    year, month, day = value[:4], value[4:6], value[6:8]
    if month == "01" and day == "01":
        return year
    return f"{year}-{month}" if day in ("01", "31") else f"{year}-{month}-{day}"


def main(path: str) -> None:
    with open(path, "rb") as handle:
        text = handle.read().decode("latin-1")
    print("# National leaders and ministers (derived from the CountryInfo reference by")
    print("# tools/derive_people_lexicon.py). Columns: name, state id, role, start, end.")
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        code = re.search(r"<ISO3166-alpha2>([A-Z]{2})</ISO3166-alpha2>", block)
        if code is None:
            continue
        for section in ("Leaders", "Government"):
            body = re.search(rf"<{section}>(.*?)</{section}>", block, re.S)
            if body is None:
                continue
            role = ""
            for line in body.group(1).splitlines():
                tag = re.match(r"\s*<([A-Za-z ]+)>\s*$", line)
                if tag:
                    role = tag.group(1).rstrip("s") if section == "Leaders" else ""
                    continue
                entry = _ENTRY.match(line.split("#")[0])
                if entry is None:
                    continue
                note = line.split("#", 1)[1].strip() if "#" in line else role
                if not _ROLES.search(note):
                    continue
                names = re.findall(r"\{([^}]+)\}", entry.group(1)) or [entry.group(1)]
                terms = _TERM.findall(entry.group(2)) or [("", "", "")]
                for raw in names:
                    for marker, start, end in terms[:3]:
                        start_date = "" if marker == "<" else _date(start)
                        end_date = _date(end)
                        if marker == ">":
                            start_date, end_date = _date(start), ""
                        row = (_name(raw), code.group(1), note.split("&")[0].strip())
                        print("\t".join((*row, start_date, end_date)))


if __name__ == "__main__":
    main(sys.argv[1])
