"""The review workspace: draft records extracted from articles, reviewed in the browser beside
their articles, and accepted into the archive or rejected (`timeline review`).

A layer above the store, the inputs, the extractor and the web: it appends to the archive, so it
is never part of `timeline serve`, which stays read-only."""
