"""Importers of other publishers' data: each module reads one publisher's files into engagements
(`read(folder)`), which `Archive.append` records."""

from timeline.importers import historyatstate

__all__ = ["historyatstate"]
