"""HTML pages: the index of dyads, a dyad's page and a document's page."""
