"""The bundled dataset's texts are our own words: no long run of words taken from the article.

The article the dataset is built from lives outside the repository, beside the checkout
(``<checkout>/../shared/sources/``); nothing of it is copied into the repository. Every
``title``, ``description`` and ``note`` in ``data/*.yaml`` is compared with it, and any run of
``RUN_LENGTH`` consecutive words that both share (lower-cased, punctuation dropped) fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "data"
ARTICLE = REPO.parent / "shared" / "sources" / "landmines-in-nagorno-karabakh.txt"
TEXT_FIELDS = frozenset({"title", "description", "note"})
RUN_LENGTH = 12

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-cased words with punctuation dropped: 'Mine/UXO, in 2004.' -> mine uxo in 2004."""
    return _WORD.findall(text.lower())


def runs(text: str, length: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    """Every run of ``length`` consecutive words in ``text``."""
    found = words(text)
    return {tuple(found[i : i + length]) for i in range(len(found) - length + 1)}


def shared_runs(text: str, source_runs: set[tuple[str, ...]]) -> list[str]:
    """The runs of ``text`` that also occur in the source, as readable strings."""
    length = len(next(iter(source_runs))) if source_runs else RUN_LENGTH
    return sorted(" ".join(run) for run in runs(text, length) & source_runs)


def dataset_texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every title, description and note in the folder's YAML files."""

    def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            label = value.get("id", "")
            for key, item in value.items():
                here = f"{where}/{label}.{key}" if label else f"{where}.{key}"
                if key in TEXT_FIELDS and isinstance(item, str):
                    yield here, item
                else:
                    yield from walk(item, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]")

    for path in sorted(data_dir.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            yield from walk(yaml.safe_load(handle), path.name)


@pytest.fixture(scope="module")
def article_runs() -> set[tuple[str, ...]]:
    if not ARTICLE.is_file():
        pytest.fail(
            f"the source article is missing: expected it at {ARTICLE} (the shared/ folder beside "
            "the checkout). Without it the dataset's wording cannot be checked for copied text."
        )
    found = runs(ARTICLE.read_text(encoding="utf-8"))
    assert found, f"{ARTICLE} holds fewer than {RUN_LENGTH} words"
    return found


def test_a_sentence_lifted_from_the_article_is_caught(article_runs: set[tuple[str, ...]]) -> None:
    article_words = words(ARTICLE.read_text(encoding="utf-8"))
    middle = len(article_words) // 2
    lifted = " ".join(article_words[middle : middle + RUN_LENGTH + 3])
    # Changing case and punctuation does not hide a copy.
    disguised = lifted.upper().replace(" ", ", ", 2) + "."
    assert shared_runs(disguised, article_runs)


def test_a_run_one_word_short_is_allowed(article_runs: set[tuple[str, ...]]) -> None:
    article_words = words(ARTICLE.read_text(encoding="utf-8"))
    middle = len(article_words) // 3
    short = " ".join(article_words[middle : middle + RUN_LENGTH - 1])
    assert shared_runs(f"zebra {short} zebra", article_runs) == []


def test_the_check_reads_every_text_field(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "events:\n"
        "  - id: one\n"
        "    title: First title\n"
        "    description: First description\n"
        "    note: First note\n"
        "    figures: {title_like: 3}\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text("dataset:\n  description: Dataset text\n", encoding="utf-8")
    found = dict(dataset_texts(tmp_path))
    assert sorted(found.values()) == [
        "Dataset text", "First description", "First note", "First title",
    ]  # fmt: skip


def test_the_bundled_dataset_has_texts_to_check() -> None:
    assert len(list(dataset_texts(DATA_DIR))) > 100


def test_no_text_in_the_bundled_dataset_copies_the_article(
    article_runs: set[tuple[str, ...]],
) -> None:
    copied = [
        f"{where}: '{run}'"
        for where, text in dataset_texts(DATA_DIR)
        for run in shared_runs(text, article_runs)
    ]
    assert not copied, (
        f"{len(copied)} run(s) of {RUN_LENGTH} words are taken from the article; "
        "rewrite them in our own words:\n" + "\n".join(copied)
    )
