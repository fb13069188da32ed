"""How many engagements each collection holds (`collections.engagements`): counted once, then
kept by triggers on `engagements`. Only SQL here, so the schema (schema.py) can make them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


# Triggers that keep `collections.engagements` as engagements rows come and go, so a build
# need not count every collection again: at 100,000 engagements that count read the whole
# (collection, start_date) index after each append. A collection no row of `collections` knows
# (registered by another program) gets one, as `count_collections` gives it.
_ADD = (
    "insert into collections (name, label, description, default_view, engagements) "
    "select new.collection, new.collection, null, 0, 1 where new.collection is not null "
    "on conflict (name) do update set engagements = engagements + 1"
)
_REMOVE = "update collections set engagements = engagements - 1 where name = old.collection"
COUNT_TRIGGERS = {
    "collections_counted_ai": f"after insert on engagements begin {_ADD}; end",
    "collections_counted_ad": f"after delete on engagements begin {_REMOVE}; end",
    "collections_counted_au": f"after update of collection on engagements begin "
    f"{_REMOVE}; {_ADD}; end",
}


def keep_collections_counted(db: sqlite_utils.Database) -> None:
    """The triggers that keep the collections' counts, and a count to start from: once per
    file (a rebuild's, after loading; or one built before they existed)."""
    present = {
        row[0] for row in db.execute("select name from sqlite_master where type = 'trigger'")
    }
    if set(COUNT_TRIGGERS) <= present:
        return
    for name, body in COUNT_TRIGGERS.items():
        db.execute(f"create trigger if not exists {name} {body}")
    count_collections(db)


def count_collections(db: sqlite_utils.Database) -> None:
    """How many engagements each collection holds now. A collection that engagements name but
    this process does not know (registered by another program) gets a row of its own."""
    db.execute(
        "insert or ignore into collections (name, label, description, default_view, "
        "engagements) select distinct collection, collection, null, 0, 0 from engagements "
        "where collection is not null"
    )
    # Each count reads a range of the (collection, start_date) index, not the rows.
    db.execute(
        "update collections set engagements = "
        "(select count(*) from engagements where collection = collections.name)"
    )
