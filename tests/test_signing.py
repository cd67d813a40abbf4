"""Sign-off with SSH keys: signing, verifying, a stranger's key, a changed protocol.

Keys are made in the test with ssh-keygen (OpenSSH; .ci/run installs it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from protokoll.store import Store, render_text
from protokoll.store.adjust import adjusted_text, text_hash
from protokoll.tui.cli import main

MEETING = "20250605"
DAY = "2025-06-12"


def keypair(tmp_path: Path, name: str) -> Path:
    key = tmp_path / "keys" / name
    key.parent.mkdir(exist_ok=True)
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key


def fingerprint(key: Path) -> str:
    done = subprocess.run(["ssh-keygen", "-l", "-f", f"{key}.pub"], capture_output=True, text=True)
    return done.stdout.split()[1]


@pytest.fixture
def signed_store(example, tmp_path, capsys):
    """The example store; Karin (chair) and Johan (adjuster) may sign for the AU."""
    keys = {name: keypair(tmp_path, name) for name in ("karin", "johan", "stranger")}
    argv = ["--store", str(example)]
    assert main(["signers", "au", "add", "Karin Lindqvist", f"{keys['karin']}.pub", *argv]) == 0
    assert main(["signers", "au", "add", "Johan Ek", f"{keys['johan']}.pub", *argv]) == 0
    capsys.readouterr()
    return example, keys, argv


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_organs_signers_are_listed_with_their_keys_fingerprints(signed_store, capsys):
    example, keys, argv = signed_store
    code, out, _ = run(capsys, "signers", "au", *argv)
    assert code == 0
    assert out.splitlines() == [
        f"Karin Lindqvist  {fingerprint(keys['karin'])}",
        f"Johan Ek  {fingerprint(keys['johan'])}",
    ]
    assert (example / "signers" / "au-norra.allowed_signers").exists()
    # The same key or the same name twice is refused.
    code, _, err = run(capsys, "signers", "au", "add", "Karin L", f"{keys['karin']}.pub", *argv)
    assert code == 1 and fingerprint(keys["karin"]) in err
    code, _, err = run(capsys, "signers", "au", "add", "Karin Lindqvist", str(keys["karin"]), *argv)
    assert code == 1 and "publik SSH-nyckel" in err  # the private key is not taken
    # What was done is said as such, not as a bare name and key (a trial).
    stranger = f"{keys['stranger']}.pub"
    code, out, _ = run(capsys, "signers", "au", "add", "Amira Haddad", stranger, *argv)
    organ = "Arbetsutskottet, Samordningsförbundet Norrå"
    assert (code, out.strip()) == (
        0,
        f"Amira Haddad får signera protokollen för {organ} med nyckeln "
        f"{fingerprint(keys['stranger'])}",
    )
    code, out, _ = run(capsys, "signers", "au", "remove", "Amira Haddad", *argv)
    assert out.strip() == f"Amira Haddad får inte längre signera protokollen för {organ}"


def test_signatures_made_before_adjustment_are_taken_by_adjust_and_verified(signed_store, capsys):
    example, keys, argv = signed_store
    sigs = []
    for name in ("karin", "johan"):
        sig = example.parent / f"{name}.sig"
        code, _, err = run(
            capsys, "sign", MEETING, "--date", DAY, "--key", str(keys[name]), "-o", str(sig), *argv
        )
        assert code == 0, err
        sigs += ["--signature", str(sig)]
    code, out, err = run(capsys, "adjust", MEETING, "--date", DAY, *sigs, *argv)
    assert code == 0, err
    digest = out.split()[-1]
    code, out, err = run(capsys, "verify", MEETING, *argv)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"ok sha256 {digest}"
    # Added with the adjustment: dated as it is.
    assert lines[1] == f"ok signerat av Karin Lindqvist ({fingerprint(keys['karin'])})  {DAY}"
    assert lines[2].startswith(f"ok signerat av Johan Ek ({fingerprint(keys['johan'])})")
    # The printed protocol names the signers and their keys, after the adjustment.
    shown = render_text(Store(example).load("20250605-au"))
    assert "Signerat med SSH-nyckel" in shown
    assert f"Johan Ek, {fingerprint(keys['johan'])}" in shown
    # ... and the hash is still of the text as adjusted, signatures left out.
    meeting = Store(example).load("20250605-au")
    assert text_hash(meeting) == digest
    assert "SSH-nyckel" not in adjusted_text(meeting)


def test_a_signature_made_on_ones_own_machine_from_the_exported_text_is_added(signed_store, capsys):
    example, keys, argv = signed_store
    assert run(capsys, "adjust", MEETING, "--date", DAY, *argv)[0] == 0
    text = example.parent / "protokoll.txt"
    assert run(capsys, "sign", MEETING, "--text", "-o", str(text), *argv)[0] == 0
    # The secretary's exported protocol (no anslag yet) is the very text signed.
    assert text.read_text(encoding="utf-8") == render_text(Store(example).load("20250605-au"))
    subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-n", "protokoll", "-f", str(keys["johan"]), str(text)],
        check=True,
    )
    code, out, err = run(capsys, "sign", MEETING, "--add", f"{text}.sig", *argv)
    assert code == 0, err
    assert out.strip() == f"signerat av Johan Ek ({fingerprint(keys['johan'])})"
    # With the own key here too; the same key twice is refused.
    assert run(capsys, "sign", MEETING, "--key", str(keys["karin"]), *argv)[0] == 0
    code, _, err = run(capsys, "sign", MEETING, "--key", str(keys["karin"]), *argv)
    assert code == 1 and "redan signerat" in err
    code, out, _ = run(capsys, "verify", MEETING, *argv)
    assert code == 0 and len(out.splitlines()) == 3


def test_a_signer_not_in_allowed_signers_is_refused_and_one_removed_is_reported(
    signed_store, capsys
):
    example, keys, argv = signed_store
    assert run(capsys, "adjust", MEETING, "--date", DAY, *argv)[0] == 0
    before = (example / "meetings" / "20250605-au.json").read_bytes()
    code, _, err = run(capsys, "sign", MEETING, "--key", str(keys["stranger"]), *argv)
    assert code == 1
    assert fingerprint(keys["stranger"]) in err
    # The organ by its name, not its id (a trial read "organets (929c1b2e)").
    assert "godkända signerarna för Arbetsutskottet, Samordningsförbundet Norrå" in err
    assert (example / "meetings" / "20250605-au.json").read_bytes() == before
    # Johan signs, then his key is taken off the list: verify says so and fails.
    assert run(capsys, "sign", MEETING, "--key", str(keys["johan"]), *argv)[0] == 0
    assert run(capsys, "signers", "au", "remove", "Johan Ek", *argv)[0] == 0
    code, out, err = run(capsys, "verify", MEETING, *argv)
    assert code == 3
    # The text itself is as adjusted, and said so, but not first as "ok" (a trial
    # read "ok sha256 …" above the lines that said it was not).
    assert out == ""
    first, *rest = err.splitlines()
    assert first.startswith("protokoll: fel: texten stämmer med sin sparade SHA-256 (")
    assert first.endswith("men: 1 av 1 signaturer gäller inte (se nedan).")
    assert "FEL: Johan Ek" in rest[0] and "godkända signerare" in rest[0]
    code, out, _ = run(capsys, "verify", MEETING, "--json", *argv)
    assert code == 3
    found = json.loads(out)
    assert found["ok"] is True
    assert [(s["name"], s["result"]) for s in found["signatures"]] == [("Johan Ek", "unknown")]


def test_a_signature_over_another_text_is_refused(signed_store, capsys):
    example, keys, argv = signed_store
    # Signed as if adjusted on another day: not the text that is adjusted.
    sig = example.parent / "karin.sig"
    run(
        capsys,
        "sign",
        MEETING,
        "--date",
        "2025-06-13",
        "--key",
        str(keys["karin"]),
        "-o",
        str(sig),
        *argv,
    )
    code, _, err = run(capsys, "adjust", MEETING, "--date", DAY, "--signature", str(sig), *argv)
    assert code == 1 and "gäller inte protokollets justerade text" in err
    # Refused before anything was written: the meeting is not adjusted.
    assert Store(example).load("20250605-au").status == "closed"


def test_a_signature_over_a_protocol_changed_since_is_reported(signed_store, capsys):
    example, keys, argv = signed_store
    assert run(capsys, "adjust", MEETING, "--date", DAY, *argv)[0] == 0
    assert run(capsys, "sign", MEETING, "--key", str(keys["karin"]), *argv)[0] == 0
    path = example / "meetings" / "20250605-au.json"
    doc = json.loads(path.read_text())
    doc["meeting"]["1"]["paragraphs"][4]["decisions"][0]["text"] = "Ett annat beslut."
    path.write_text(json.dumps(doc))
    code, _, err = run(capsys, "verify", MEETING, *argv)
    assert code == 3
    assert "ändrad sedan justeringen" in err
    assert "FEL: signaturen av Karin Lindqvist" in err
    # No signature is added to a changed protocol.
    code, _, err = run(capsys, "sign", MEETING, "--key", str(keys["johan"]), *argv)
    assert code == 1 and "ändrad sedan justeringen" in err


def test_without_ssh_keygen_it_is_one_line_saying_so(signed_store, capsys, monkeypatch):
    example, keys, argv = signed_store
    assert run(capsys, "adjust", MEETING, "--date", DAY, *argv)[0] == 0
    monkeypatch.setenv("PATH", str(example.parent / "nothing"))
    code, out, err = run(capsys, "sign", MEETING, "--key", str(keys["karin"]), *argv)
    assert code == 1 and err.count("\n") == 1 and "ssh-keygen finns inte" in err


def test_a_not_adjusted_meeting_is_signed_only_for_a_given_day(signed_store, capsys):
    example, keys, argv = signed_store
    code, _, err = run(capsys, "sign", MEETING, "--key", str(keys["karin"]), *argv)
    assert code == 2 and "--date" in err


def test_the_pdf_names_the_signers_and_their_keys(signed_store, capsys):
    from io import BytesIO

    from pypdf import PdfReader

    from protokoll.store.pdf import render_pdf

    example, keys, argv = signed_store
    assert run(capsys, "adjust", MEETING, "--date", DAY, *argv)[0] == 0
    assert run(capsys, "sign", MEETING, "--key", str(keys["johan"]), *argv)[0] == 0
    data = render_pdf(Store(example).load("20250605-au"))
    last = PdfReader(BytesIO(data)).pages[-1].extract_text()
    assert "Signerat med SSH-nyckel" in last
    assert f"Johan Ek, {fingerprint(keys['johan'])}" in last


def test_a_key_file_that_does_not_read_is_said_in_the_interface_language(example, capsys, tmp_path):
    # "[Errno 2] No such file or directory: '/nonexistent.pub'" stood in a Swedish line.
    missing = str(tmp_path / "saknas.pub")
    code, _, err = run(
        capsys, "signers", "au-norra", "add", "Karin Lindqvist", missing, "--store", str(example)
    )
    assert (
        code == 1
        and err.strip()
        == f"protokoll: fel: {missing} kunde inte läsas: filen eller katalogen finns inte"
    )
    binary = tmp_path / "bin.pub"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 20)
    code, _, err = run(
        capsys,
        "--lang",
        "en",
        "signers",
        "au-norra",
        "add",
        "Karin Lindqvist",
        str(binary),
        "--store",
        str(example),
    )
    assert code == 1 and err.strip().endswith("could not read " + str(binary) + ": not UTF-8")


def test_signing_with_a_key_that_is_missing_or_will_not_sign_is_one_line(example, capsys, tmp_path):
    # The help's own example, `sign ID --key ~/.ssh/id_ed25519`, without that key
    # ended in an internal error (exit 70): the message's {key} clashed with
    # StoreError's own argument.
    missing = tmp_path / "id_ed25519"
    code, _, err = run(
        capsys, "sign", "20250213-au", "--key", str(missing), "--store", str(example)
    )
    assert (
        code == 1
        and err.strip()
        == f"protokoll: fel: {missing} kunde inte läsas: filen eller katalogen finns inte"
    )
    not_a_key = tmp_path / "not-a-key"
    not_a_key.write_text("inte en nyckel\n", encoding="utf-8")
    not_a_key.chmod(0o600)
    code, _, err = run(
        capsys, "sign", "20250213-au", "--key", str(not_a_key), "--store", str(example)
    )
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"protokoll: fel: ssh-keygen kunde inte signera med {not_a_key}: ")


def test_a_usage_error_from_sign_is_one_line_also_when_run_as_python_m(example):
    # `python -m protokoll.tui.cli` (how the pty tests start the program) has
    # the module twice, as __main__ and by its name; cli_sign raised the
    # second one's UsageError, which main did not catch: an internal error.
    for argv in (["sign", "20250410-au", "--text"], ["signers", "au-norra", "add"]):
        done = subprocess.run(
            [sys.executable, "-m", "protokoll.tui.cli", "--store", str(example), *argv],
            capture_output=True,
            text=True,
            env={**os.environ, "PROTOKOLL_LANG": "sv"},
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and "internt fel" not in done.stderr
