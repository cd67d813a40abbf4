"""Sign-off with SSH keys: `ssh-keygen -Y` over the protocol's text as adjusted.

What is signed is the text whose SHA-256 the adjustment records
(`adjust.adjusted_text`), in the namespace "protokoll", so a signature made
with the same key for anything else (a git commit, a file) is never taken for
one of these. Each organ keeps the keys that may sign for it in an OpenSSH
`allowed_signers` file in the store:

    STORE/signers/<organ id>.allowed_signers
        "Karin Lindqvist" namespaces="protokoll" ssh-ed25519 AAAA...

edited with `protokoll signers` or by hand. Checking is left to ssh-keygen
(OpenSSH), never done by our own code.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError, os_detail
from .model import Signature
from .storage import DIR_MODE, atomic_write

NAMESPACE = "protokoll"
_ARMOR = re.compile(
    r"-----BEGIN SSH SIGNATURE-----\n[A-Za-z0-9+/=\n]+-----END SSH SIGNATURE-----\n?"
)
_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]+")
_KEY = re.compile(r"^(ssh-[a-z0-9-]+|ecdsa-sha2-nistp\d+|sk-[a-z0-9@.-]+) [A-Za-z0-9+/=]+")
MAX_SIGNATURE = 16 * 1024


@dataclass(frozen=True)
class Signer:
    name: str
    fingerprint: str


@dataclass(frozen=True)
class Checked:
    """One stored signature as `verify` found it: ok, "unknown" signer, or "bad" over this text."""

    signature: Signature
    result: str


def ssh_keygen() -> str:
    found = shutil.which("ssh-keygen")
    if found is None:
        raise StoreError("no_ssh_keygen")
    return found


def _run(args: list[str], data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [ssh_keygen(), *args], input=data, capture_output=True, check=False, timeout=60
    )


def signers_file(store_path: Path, organ_id: str) -> Path:
    return Path(store_path) / "signers" / f"{organ_id}.allowed_signers"


# --- the organ's allowed signers ----------------------------------------------


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError("signers_unreadable", path=path, detail=os_detail(exc)) from None


def _name_of(line: str) -> str:
    line = line.strip()
    if line.startswith('"'):
        return line[1:].partition('"')[0]
    return line.partition(" ")[0]


def key_fingerprint(public_key: str) -> str:
    """`SHA256:…` of one public key line, as ssh-keygen -l says it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "key.pub"
        path.write_text(public_key + "\n", encoding="utf-8")
        done = _run(["-l", "-f", str(path)])
    found = _FINGERPRINT.search(done.stdout.decode("utf-8", "replace"))
    if done.returncode != 0 or found is None:
        raise StoreError("not_public_key")
    return found.group(0)


def signers(store_path: Path, organ_id: str) -> list[Signer]:
    """Who may sign for the organ, with their keys' fingerprints, in file order."""
    out = []
    for line in _lines(signers_file(store_path, organ_id)):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key = re.search(r"(ssh-[a-z0-9-]+|ecdsa-sha2-nistp\d+|sk-[a-z0-9@.-]+) \S+", line)
        out.append(Signer(_name_of(line), key_fingerprint(key.group(0)) if key else "?"))
    return out


def add_signer(store_path: Path, organ_id: str, name: str, key_file: Path) -> Signer:
    """Let `name` sign for the organ with the public key in `key_file`."""
    name = " ".join(name.split())
    if not name or any(c in name for c in '",*?!'):
        raise StoreError("signer_name", name=name)
    try:
        text = Path(key_file).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError("signers_unreadable", path=key_file, detail=os_detail(exc)) from None
    key = _KEY.match(text)
    if key is None or "PRIVATE KEY" in text:
        raise StoreError("not_public_key")
    fingerprint = key_fingerprint(key.group(0))
    known = signers(store_path, organ_id)
    if any(s.name == name for s in known):
        raise StoreError("signer_exists", name=name)
    if any(s.fingerprint == fingerprint for s in known):
        raise StoreError("key_exists", fingerprint=fingerprint)
    path = signers_file(store_path, organ_id)
    path.parent.mkdir(mode=DIR_MODE, exist_ok=True)
    lines = _lines(path) + [f'"{name}" namespaces="{NAMESPACE}" {key.group(0)}']
    atomic_write(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return Signer(name, fingerprint)


def remove_signer(store_path: Path, organ_id: str, name: str) -> None:
    """No longer let `name` sign; signatures already made by them then fail `verify`."""
    path = signers_file(store_path, organ_id)
    lines = _lines(path)
    kept = [x for x in lines if x.lstrip().startswith("#") or _name_of(x) != name]
    if len(kept) == len(lines):
        raise StoreError("signer_unknown_name", name=name)
    atomic_write(path, ("\n".join(kept) + "\n").encode("utf-8"))


# --- signatures ----------------------------------------------------------------


def read_signature(text: str, where: object = "") -> str:
    """The armored signature in `text` (a .sig file), or a one-line refusal."""
    text = text.replace("\r\n", "\n")
    found = _ARMOR.search(text) if len(text) <= MAX_SIGNATURE else None
    if found is None:
        raise StoreError("not_signature", path=where)
    armored = found.group(0)
    return armored if armored.endswith("\n") else armored + "\n"


def sign(message: bytes, key: Path) -> str:
    """Sign `message` with the private key `key` (ssh-keygen asks for its passphrase)."""
    try:  # said in the interface language, not in ssh-keygen's English
        with key.open("rb"):
            pass
    except OSError as exc:
        raise StoreError("signers_unreadable", path=key, detail=os_detail(exc)) from None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "protokoll.txt"
        path.write_bytes(message)
        # stdin stays ours: ssh-keygen asks for a passphrase on the terminal.
        done = subprocess.run(
            [ssh_keygen(), "-q", "-Y", "sign", "-n", NAMESPACE, "-f", str(key), str(path)],
            capture_output=True,
            check=False,
            timeout=600,
        )
        sig = path.with_name(path.name + ".sig")
        if done.returncode != 0 or not sig.exists():
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise StoreError("sign_failed", keyfile=key, detail=detail[-1] if detail else "")
        return sig.read_text(encoding="utf-8")


def _with_signature(armored: str, args: list[str], message: bytes) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        sig = Path(tmp) / "protokoll.sig"
        sig.write_text(armored, encoding="utf-8")
        done = _run([*args, "-s", str(sig)], message)
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")


def _principals(armored: str, allowed: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        sig = Path(tmp) / "protokoll.sig"
        sig.write_text(armored, encoding="utf-8")
        done = _run(["-Y", "find-principals", "-s", str(sig), "-f", str(allowed)])
    if done.returncode != 0:
        return []
    return [x for x in done.stdout.decode("utf-8", "replace").splitlines() if x.strip()]


def _verified(armored: str, name: str, allowed: Path, message: bytes) -> bool:
    args = ["-Y", "verify", "-f", str(allowed), "-I", name, "-n", NAMESPACE]
    return _with_signature(armored, args, message)[0] == 0


def accept(
    armored: str, message: bytes, store_path: Path, organ_id: str, today: str, name: str = ""
) -> Signature:
    """The signature as it is kept, if it is over `message` by one of the organ's
    signers; `name`: the organ's, for the refusal (its id had been all it said)."""
    name = name or organ_id
    code, said = _with_signature(armored, ["-Y", "check-novalidate", "-n", NAMESPACE], message)
    found = _FINGERPRINT.search(said)
    if code != 0 or found is None:
        raise StoreError("signature_bad")
    allowed = signers_file(store_path, organ_id)
    if not allowed.exists():
        raise StoreError("no_signers", organ=organ_id, name=name)
    names = _principals(armored, allowed)
    signer = next((n for n in names if _verified(armored, n, allowed, message)), None)
    if signer is None:
        raise StoreError("signer_not_allowed", fingerprint=found.group(0), name=name)
    return Signature(signer, found.group(0), today, armored)


def check(signature: Signature, message: bytes, store_path: Path, organ_id: str) -> Checked:
    """Is the stored signature still by an allowed signer, over `message`?"""
    allowed = signers_file(store_path, organ_id)
    if not allowed.exists() or signature.name not in _principals(signature.armored, allowed):
        return Checked(signature, "unknown")
    ok = _verified(signature.armored, signature.name, allowed, message)
    return Checked(signature, "ok" if ok else "bad")
