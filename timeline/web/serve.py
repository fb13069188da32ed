"""Publishing with Datasette: where its metadata is, and how `timeline serve` starts it."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from timeline.errors import TimelineError

METADATA_FILE = "datasette_metadata.json"
PACKAGE = Path(__file__).resolve().parents[1]

# Settings that keep pages fast and safe at a million rows; Datasette 0.65 takes them as flags.
SETTINGS = {
    "suggest_facets": "off",
    "sql_time_limit_ms": "3000",
    "default_page_size": "50",
    "facet_time_limit_ms": "500",
    "allow_download": "off",
}


def typed_settings() -> dict[str, Any]:
    """`SETTINGS` typed as Datasette's constructor takes them (for its test client)."""
    from datasette.app import SETTINGS as DATASETTE_SETTINGS

    defaults = {s.name: s.default for s in DATASETTE_SETTINGS}
    typed: dict[str, Any] = {}
    for name, value in SETTINGS.items():
        default = defaults[name]
        if isinstance(default, bool):
            typed[name] = value in ("on", "true", "1")
        elif isinstance(default, int):
            typed[name] = int(value)
        else:
            typed[name] = value
    return typed


def metadata_path(explicit: str | Path | None = None) -> Path:
    """The metadata file: as given, else the one in the current folder, else the package's copy."""
    if explicit:
        return Path(explicit)
    # The package's copy (timeline/datasette_metadata.json) is a symlink to the repository's file.
    here = Path.cwd() / METADATA_FILE
    return here if here.is_file() else PACKAGE / METADATA_FILE


def datasette_args(database: Path, metadata: Path, host: str, port: int) -> list[str]:
    args = [
        "serve",
        str(database),
        "--metadata",
        str(metadata),
        "--host",
        host,
        "--port",
        str(port),
    ]
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    return args


def check_port(host: str, port: int) -> None:
    """Refuse, before building anything, an address the server could not listen on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # As the server will: a port in TIME_WAIT is free, one with a listener is not.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            raise TimelineError(
                f"{host}:{port}: cannot serve there ({e.strerror}); try --port"
            ) from None
