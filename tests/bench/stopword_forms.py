"""Write STOPWORD_FORMS into summarize.py: every token the stopword rule accepts, exactly.

    python tests/bench/stopword_forms.py [--check]

summarize matches a token against stopwords with clitics (وفي, لهذا, عليه) by a rule of
five substitutions (_is_stopword). A big run matches against this exact table instead,
one set lookup a token. The table is every candidate form (a stopword after an optional
conjunction and preposition, or a stopword that takes pronouns with an optional
conjunction and a pronoun) that the rule itself accepts, so the two agree by
construction; tests/test_stopword_forms.py checks that the stored table is the one this
script makes today, and that both agree on every token of EASC dev. Run this script after
changing the stopwords or the rule; --check only says whether the stored table is current.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

import summarize

MODULE = Path(summarize.__file__)
CONJUNCTIONS = ("", "\u0648", "\u0641")  # و ف
PREPOSITIONS = ("", "\u0628", "\u0643", "\u0644")  # ب ك ل
PRONOUNS = ("", *summarize.ENCLITICS.pattern.removeprefix("(?:").removesuffix(")$").split("|"))
BLOCK = re.compile(r'(?<=\nSTOPWORD_FORMS = """\n).*?(?=""")', re.DOTALL)


def forms() -> list[str]:
    """Every form the rule accepts, sorted."""
    stopwords = summarize._stopwords()
    words, hosts = stopwords
    candidates = {c + p + w for c in CONJUNCTIONS for p in PREPOSITIONS for w in words}
    candidates |= {c + h + e for c in CONJUNCTIONS for h in hosts for e in PRONOUNS}
    return sorted(form for form in candidates if summarize._is_stopword(form, stopwords))


def block(table: list[str]) -> str:
    """The table as the module's string holds it: forms split by spaces, wrapped."""
    return "\n".join(textwrap.wrap(" ".join(table), width=118, break_on_hyphens=False)) + "\n"


def main(argv: list[str]) -> int:
    """Write the table, or with --check say whether it is current."""
    source = MODULE.read_text(encoding="utf-8")
    match = BLOCK.search(source)
    if match is None:
        print(f"{MODULE}: no STOPWORD_FORMS block", file=sys.stderr)
        return 2
    table = block(forms())
    if argv[1:] == ["--check"]:
        current = match.group() == table
        print("STOPWORD_FORMS is current" if current else "STOPWORD_FORMS is stale: run this script")
        return 0 if current else 1
    MODULE.write_text(source[: match.start()] + table + source[match.end() :], encoding="utf-8")
    print(f"wrote {table.count(' ') + table.count(chr(10))} forms to {MODULE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
