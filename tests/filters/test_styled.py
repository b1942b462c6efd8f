"""Styled Unicode, decorated letters and lookalikes, read from the original text."""

from __future__ import annotations

from moderation.filters.normalise import normalise
from moderation.filters.styled import styled
from moderation.policy import Policy

BOLD_SLOT = "\U0001d412\U0001d40b\U0001d40e\U0001d413"  # mathematical bold S L O T
CIRCLED_SLOT = "\u24c8\u24db\u24de\u24e3"  # circled S l o t
LOOKALIKE = "\u0455lot g\u0430cor"  # Cyrillic dze and a in "slot gacor"


def rules(body: str) -> list[str]:
    return [f.rule for f in styled(normalise(body))]


def test_bold_letters_are_styled() -> None:
    """Mathematical bold letters that fold to ASCII are the styled-letters rule."""
    [finding] = styled(normalise(f"{BOLD_SLOT} GACOR hari ini"))
    assert finding.rule == "styled:letters"
    assert finding.spans[0].text == BOLD_SLOT


def test_circled_letters_are_styled() -> None:
    """Circled letters count as styled too."""
    assert rules(f"main {CIRCLED_SLOT} yuk") == ["styled:letters"]


def test_cyrillic_inside_latin_words_is_lookalike() -> None:
    """Cyrillic letters hiding inside Latin words are lookalikes."""
    assert rules(f"{LOOKALIKE} maxwin terus bos") == ["styled:lookalike"]


def test_decorated_letters_are_flagged() -> None:
    """Letters each followed by a combining mark are decorated."""
    assert rules("main di P\u035fU\u035fL\u035fA\u035fU\u035f sekarang") == ["styled:decorated"]


def test_plain_indonesian_and_foreign_words_are_not_styled() -> None:
    """Accents, emoji and a word wholly in Greek or Russian are not disguise."""
    assert rules("Caf\u00e9 mantap \U0001f44d \u0421\u043f\u0430\u0441\u0438\u0431\u043e") == []


def test_two_kinds_of_styling_are_one_clue() -> None:
    """Bold letters and Cyrillic look-alikes in one note give one clue, the stronger one."""
    body = "𝐓𝐞𝐫𝐢𝐦𝐚 𝐤𝐚𝐬𝐢𝐡 Bu Bidan, ѕеmоgа ѕеhаt ѕеlаlu"
    [finding] = styled(normalise(body))
    assert finding.rule == "styled:lookalike"
    assert len(finding.spans) == 2


def test_styling_alone_never_reaches_the_hold() -> None:
    """Any mix of styled, decorated and look-alike letters stays below the default hold."""
    body = "Ⓜⓐⓣⓤⓡ 𝐬𝐮𝐰𝐮𝐧 pak Lurah, ѕеmаngаt t̲e̲r̲u̲s̲ kagem desa"
    assert max(f.score for f in styled(normalise(body))) < Policy().spam_hold


def test_a_superscript_digit_after_a_letter_is_notation() -> None:
    """ "kali²" (a word said twice) and "m²" are how Indonesians write, not styled letters."""
    assert rules("hati\u00b2 kali\u00b2 naik gunung, tanah 200 m\u00b2, rumah\u00b2 " * 3) == []


def test_superscript_digits_standing_alone_are_still_styled() -> None:
    """A number written in superscript digits on its own is dressed up."""
    assert rules("wa \u2070\u2078\u00b9\u00b2 \u00b3\u2074\u2075\u2076") == ["styled:letters"]
