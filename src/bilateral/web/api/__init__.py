"""JSON endpoints: `dyads` (profiles, timelines, verdicts, exports) and `facts`
(search, facts with evidence, documents, uploads)."""
