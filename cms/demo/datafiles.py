"""The demo content as data: YAML files in ``cms/demo/data/``, one per kind of content.

YAML rather than JSON because the files are written by people: comments explain the fields at the top
of each file, and long texts and rich text (HTML) are block scalars (``>-`` folds lines into one
paragraph, ``|`` keeps them), so an editor of a region changes the demo without reading Python or
escaping quotes. Every item is keyed on a stable identifier (slug, BRIN code, number, username), which
the seed upserts on, so running it again after an edit updates the same rows.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Every data file, by name (without ``.yaml``).
FILES = (
    "taxonomies",
    "regions",
    "schools",
    "partners",
    "kits",
    "techniekhuizen",
    "challenges",
    "events",
    "news",
    "accounts",
    "bookings",
    "loans",
    "newsletters",
    "partner_offers",
    "milestones",
    "attendances",
)

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DemoDataError(ValueError):
    """A data file that does not parse, or refers to something that does not exist."""


class _Loader(_BASE_LOADER):
    """Safe YAML, except that dates stay text: the seed parses dates and times itself (Europe/Amsterdam),
    so ``2027-01-31`` means the same with or without quotes."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}


def load(name: str) -> dict[str, Any]:
    """The parsed file ``data/<name>.yaml``; fresh on every call, so the seed may change what it gets."""
    path = DATA_DIR / f"{name}.yaml"
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_Loader)  # noqa: S506 - a SafeLoader without timestamps
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path.name} is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise DemoDataError(f"{path.name} should be a mapping of lists and sections at the top level.")
    return data


def lookup(items: Mapping, key, what: str, where: str):
    """``items[key]``, or a :class:`DemoDataError` that names the file entry with the unknown reference."""
    try:
        return items[key]
    except KeyError:
        raise DemoDataError(f"{where}: unknown {what} {key!r}") from None


def lookup_all(items: Mapping, keys, what: str, where: str) -> list:
    return [lookup(items, key, what, where) for key in keys]


def stream(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Raw StreamField data from the files' ``- block_type: value`` items; a heading may be plain text."""
    raw = []
    for block in blocks:
        if len(block) != 1:
            raise DemoDataError(f"A block is written as '- block_type: value', not {block!r}")
        ((block_type, value),) = block.items()
        if block_type == "heading" and isinstance(value, str):
            value = {"text": value, "level": "h2"}
        raw.append({"type": block_type, "value": value})
    return raw
