"""Offices and their holders: the registry shipped as data (registry.py), one person however
written (names.py), and the participants whose title contradicts the registry (conflicts.py).

Pure: it reads the package's data files and nothing else; the store and the projection use it."""
