"""`store` must stay usable without the terminal application."""

import subprocess
import sys


def test_importing_store_does_not_import_textual():
    code = (
        "import sys, store, store.exchange, store.render, store.dates, store.numbering,"
        " store.importer, store.search;"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_command_line_does_not_import_textual_for_subcommands():
    code = (
        "import sys; from protokoll.tui import cli; cli.main(['list', '--store', sys.argv[1]]);"
        "print('textual' in sys.modules)"
    )
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run(
            [sys.executable, "-c", code, d], capture_output=True, text=True, check=True
        )
    assert out.stdout.strip().endswith("False")
