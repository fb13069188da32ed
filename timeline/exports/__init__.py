"""The archive taken away: a clean copy of timeline.db (`publish`) and the engagements in other
tools' formats (`export`: CSV, GeoJSON, TimelineJS, PLOVER), read from the built projection."""
