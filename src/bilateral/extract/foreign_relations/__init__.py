"""The network of a "Foreign relations of X" page: partners, relations and missions.

`ForeignRelations` is the pipeline component (`component`); the modules
below it read the page's partner tables (`tables`), its per-partner sections
and terms (`sections`), what dates and cue words say about relations
(`statements`, `relations`) and the missions its notes list (`mission_facts`,
over the sentence reader `bilateral.extract.mission_notes`); `names`
resolves the ways the pages name states, `consistency` compares what
different pages say about one dyad.
"""

from bilateral.extract.foreign_relations.component import ForeignRelations, PageNetwork

__all__ = ["ForeignRelations", "PageNetwork"]
