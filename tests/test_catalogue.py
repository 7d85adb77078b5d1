"""Every message the code marks for translation has a French translation with the same fields.

The messages are found by walking the syntax tree of every module under src/
for calls of ``_``, ``N_``, ``ngettext`` and ``pgettext`` with literal strings,
and looked up in the merged French catalogues (resources/locale/fr/*.po).
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

SRC = Path(__file__).resolve().parents[1] / "src" / "visitplanner"
FRENCH = SRC / "resources" / "locale" / "fr"
MARKERS = {"_": 1, "N_": 1, "ngettext": 2, "pgettext": 2}


@dataclass(frozen=True)
class Use:
    """One marked message: where it is, its context and its text (both forms for plurals)."""

    where: str
    context: str | None
    ids: tuple[str, ...]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def marked_messages(path: Path) -> list[Use]:
    """The messages marked in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Use] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in MARKERS or len(node.args) < MARKERS[name]:
            continue
        texts = [_literal(arg) for arg in node.args[: MARKERS[name]]]
        if any(t is None for t in texts):
            continue  # _(variable): the message was marked where it was written
        where = f"{path.relative_to(SRC.parent)}:{node.lineno}"
        strings = tuple(t for t in texts if t is not None)
        if name == "pgettext":
            found.append(Use(where, strings[0], strings[1:]))
        else:
            found.append(Use(where, None, strings))
    return found


def all_marked() -> list[Use]:
    """Every message marked anywhere under src/."""
    return [use for path in sorted(SRC.rglob("*.py")) for use in marked_messages(path)]


def french_catalogue() -> dict[tuple[str | None, str], tuple[str, ...]]:
    """(context, msgid) -> French strings (one, or one per plural form), all .po merged."""
    merged: dict[tuple[str | None, str], tuple[str, ...]] = {}
    for po in sorted(FRENCH.glob("*.po")):
        with po.open("rb") as fh:
            catalog: Catalog = read_po(fh, locale="fr")
        for message in catalog:
            if not message.id:
                continue
            key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            value = message.string
            strings = tuple(value) if isinstance(value, (list, tuple)) else (value,)
            if message.fuzzy:
                strings = ("",)
            merged[(message.context, key)] = strings
    return merged


def fields(text: str) -> set[str]:
    """The ``{name}`` fields of a format string."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def test_the_extractor_finds_marked_messages_of_every_kind() -> None:
    uses = all_marked()
    ids = {use.ids for use in uses}
    assert ("{sign}{h} h",) in ids  # _() in i18n.py
    assert ("Visitor",) in ids  # N_() in the people editor
    assert ("Only {n} visitor is invited", "Only {n} visitors are invited") in ids
    assert len(uses) > 100


def test_every_marked_message_has_a_french_translation() -> None:
    french = french_catalogue()
    missing = sorted(
        f"{use.where}: {use.ids[0]!r}"
        for use in all_marked()
        if not all(french.get((use.context, use.ids[0]), ("",)))
    )
    assert not missing, f"{len(missing)} messages have no French translation:\n" + "\n".join(
        missing
    )


def test_french_translations_keep_the_format_fields() -> None:
    french = french_catalogue()
    wrong: list[str] = []
    for use in all_marked():
        wanted = set().union(*(fields(text) for text in use.ids))
        for translated in french.get((use.context, use.ids[0]), ()):
            have = fields(translated)
            # A singular form may leave out {n} ("un changement"), never add a field.
            ok = have <= wanted if len(use.ids) > 1 else have == wanted
            if translated and not ok:
                wrong.append(f"{use.where}: {use.ids[0]!r} -> {translated!r}")
    assert not wrong, "French translations with other fields:\n" + "\n".join(sorted(wrong))


@pytest.mark.parametrize("po", sorted(FRENCH.glob("*.po")), ids=lambda p: p.name)
def test_each_catalogue_has_french_plural_rules(po: Path) -> None:
    with po.open("rb") as fh:
        catalog = read_po(fh, locale="fr")
    assert catalog.plural_forms == "nplurals=2; plural=(n > 1);"


def test_areas_agree_on_messages_they_share() -> None:
    seen: dict[tuple[str | None, object], tuple[str, object]] = {}
    clashes: list[str] = []
    for po in sorted(FRENCH.glob("*.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale="fr")
        for message in catalog:
            if not message.id:
                continue
            key = (message.context, str(message.id))
            if key in seen and seen[key][1] != message.string:
                clashes.append(f"{message.id!r}: {seen[key][0]} and {po.name} differ")
            seen.setdefault(key, (po.name, message.string))
    assert not clashes, "\n".join(clashes)


def test_every_french_entry_is_still_used() -> None:
    """A message reworded in the code leaves its old French entry behind: drop it."""
    used = {(use.context, use.ids[0]) for use in all_marked()}
    stale = sorted(
        f"{context or ''}|{msgid!r}"
        for context, msgid in french_catalogue()
        if (context, msgid) not in used
    )
    assert not stale, f"{len(stale)} French entries no code uses:\n" + "\n".join(stale)
