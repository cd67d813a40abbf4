"""A signature added to an adjusted protocol: the one change to its sign-off.

The signature itself is checked before (`store.signing.accept`); the verb
keeps the meeting's rules: only an adjusted meeting is signed, and one key
signs it once.
"""

from __future__ import annotations

from ..errors import StoreError
from ..model import Meeting, Signature
from .change import Change


def add_signature(m: Meeting, signature: Signature) -> Change:
    """`signature` (checked over the adjusted text) joins the adjustment's."""
    if m.adjustment is None or m.status != "adjusted":
        raise StoreError("not_adjusted", meeting=m.id)
    if any(s.fingerprint == signature.fingerprint for s in m.adjustment.signatures):
        raise StoreError("signed_already", fingerprint=signature.fingerprint)
    m.adjustment.signatures.append(signature)
    return Change("v_signed", {"name": signature.name, "fingerprint": signature.fingerprint})
