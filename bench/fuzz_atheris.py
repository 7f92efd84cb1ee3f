"""Coverage-guided fuzzing (atheris / libFuzzer) of the readers and of the whole pipeline.

hypothesis (tests/test_fuzz_*.py) draws inputs from hand-written strategies; atheris instead mutates bytes
towards new branches of the instrumented code, which finds the odd path through a reader that a strategy
never proposes. It is a long, open-ended run, so it lives here and not in the test suite.

    pip install -e ".[fuzz]"
    python3 bench/fuzz_atheris.py readers -runs=50000          # every reader, format chosen by the input
    python3 bench/fuzz_atheris.py pipeline -max_total_time=300  # newsevents.extract on decoded text

Arguments after the mode go to libFuzzer (-runs, -max_total_time, -seed, a corpus directory...). A failed
property raises, and libFuzzer then saves the input as ``crash-*`` and exits non-zero.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from newsevents.model import Article, ErrorRecord
    from newsevents.readers import read_path
    from newsevents.registry import readers

MODES = ("readers", "pipeline")
WORKDIR = tempfile.mkdtemp(prefix="newsevents-atheris-")


def check_readers(data: bytes) -> None:
    """Any bytes, any reader: only articles with an id and text, or error rows with a stage and reason."""
    names = readers.names()
    fdp = atheris.FuzzedDataProvider(data)
    name = names[fdp.ConsumeIntInRange(0, len(names) - 1)]
    path = os.path.join(WORKDIR, f"input.{name}")
    with open(path, "wb") as f:
        f.write(fdp.ConsumeBytes(fdp.remaining_bytes()))
    for item in read_path(path, name):
        if isinstance(item, Article):
            assert item.id and item.text.strip(), item
        elif isinstance(item, ErrorRecord):
            assert item.stage and item.message, item
        else:
            raise AssertionError(f"reader {name} yielded {type(item).__name__}")


def check_pipeline(data: bytes) -> None:
    """Any text through the full pipeline: no exception, every span is the text at its offsets."""
    import newsevents

    raw = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    result = newsevents.extract(raw)
    text = result.article.text
    for span in result.spans():
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in MODES:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(MODES)}}} [libFuzzer options]")
    mode = sys.argv.pop(1)
    if mode == "pipeline":
        import newsevents

        newsevents.extract("Warm-up: the minister said the talks failed.")  # load spaCy before fuzzing
    atheris.Setup(sys.argv, check_readers if mode == "readers" else check_pipeline)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
