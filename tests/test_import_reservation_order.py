"""Reservations print where the source has them: after the decision they are against.

A decision read out of the middle of a paragraph had left the sentences after
it with those before it, printed above the decision: a trial's kyrkoråd had
"Eva-Lena Bäckström (C) reserverar sig mot beslutet" above "Kyrkorådet
beslutar att …", and with two reserving, one in the decision's paragraph and
one in the next, the protocol put one before the decision and one after it.
"""

from __future__ import annotations

from pathlib import Path

from protokoll.store.importer import read_protocol
from protokoll.store.render import render_text

HEAD = (
    "SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nEksjö kommun\n\nDatum: 2024-03-05\n\n"
    "Beslutande\nEva Holm (S), ordförande\nBo Lund (M)\nCia Berg (SD)\nDan Ek (V)\n\n"
)


def imp(text: str):
    meeting, _ = read_protocol(text.encode("utf-8"), Path("protokoll.txt"))
    return meeting


def test_those_reserving_print_after_the_decision_in_the_sources_order():
    m = imp(
        HEAD
        + "§ 1 Budget\nFörslag till budget. Cia Berg (SD) yrkar avslag.\n"
        + "Kommunstyrelsen beslutar att anta budgeten.\n"
        + "Cia Berg (SD) reserverar sig mot beslutet.\n\n"
        + "Bo Lund (M) reserverar sig mot beslutet till förmån för eget yrkande.\n"
    )
    p = m.paragraphs[0]
    assert [d.text for d in p.decisions] == ["Kommunstyrelsen beslutar att anta budgeten."]
    text = render_text(m)
    decision = text.index("Kommunstyrelsen beslutar att anta budgeten.")
    cia = text.index("Cia Berg (SD) reserverar sig")
    bo = text.index("Bo Lund (M) reserverar sig")
    assert text.index("Cia Berg (SD) yrkar avslag.") < decision < cia < bo


def test_several_reserving_in_the_decisions_paragraph_keep_their_order_after_it():
    m = imp(
        HEAD
        + "§ 1 Taxor\nFörslag om taxor.\nKommunstyrelsen beslutar att anta taxorna.\n"
        + "Dan Ek (V) reserverar sig mot beslutet.\nCia Berg (SD) reserverar sig mot beslutet.\n"
        + "Bo Lund (M) reserverar sig mot beslutet.\n"
    )
    text = render_text(m)
    at = [
        text.index(x)
        for x in (
            "Förslag om taxor.",
            "beslutar att anta taxorna",
            "Dan Ek (V) r",
            "Cia Berg (SD) r",
            "Bo Lund (M) r",
        )
    ]
    assert at == sorted(at)
