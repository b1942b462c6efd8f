"""Menace with no harm verb (issue 14, round 7), rules of the abuse filter (``abuse``): a
condition on the reader's writing with a veiled consequence ("kalau masih nulis begitu,
siap-siap", "keep writing this and see what happens"), a fire foretold for their house ("omahmu
iso kobong sewayah-wayah"), their family made to pay, visits promised with menace or a crowd
called to someone's door ("ayo rame-rame datangi rumahnya"), their whereabouts known ("aku
ngerti sekolahe anakmu") or they watched, their life said to be short ("umurmu tidak akan lama
lagi"), a last warning, peace denied from now on, a meeting promised ("awas kalau ketemu"), blame
refused in advance, revenge promised, a fate that "usually" befalls people like them. Each names
what keeps the innocent beside it innocent: a plan, a purpose, a cause, a condition, a
neighbour's remark. Tokens carry no punctuation, so a clause's end is read from the next word.
"""

from __future__ import annotations

import functools
import itertools

from moderation.filters.threat_words import (
    WHERE,
    YOUR_NOUN,
    Found,
    around,
    is_you,
    lexicon,
    menaced,
    mentions,
    negated_at,
    verb_forms,
    visit_forms,
    waits,
    with_mu,
)


def _conditional(words: list[str]) -> Found | None:
    """A condition on what the reader writes or does, then a consequence that names no harm:
    "kalau masih nulis begitu, siap-siap saja", "sekali lagi kamu nulis begini, lihat saja
    nanti", "keep writing this and see what happens", "coba tulis lagi, tak jamin kamu aman";
    not advice ("kalau masih hujan, siap-siap bawa payung": a plan after "siap-siap")."""
    v = lexicon()
    for i in range(len(words)):
        if not _opens_condition(words, i):
            continue
        for k in range(i + 1, min(len(words), i + 12)):
            end = _consequence(words, k)
            if end is None:
                continue
            between = words[i + 1 : k]
            acted = not v["act"].isdisjoint(between)
            if acted or (words[k] not in v["careful"] and any(map(is_you, between))):
                return i, end, f"threat:conditional {words[k]}"
            break
    return None


_AGAIN = frozenset([("sekali", "lagi"), ("sekali", "maneh"), ("once", "more"), ("one", "more")])


def _opens_condition(words: list[str], i: int) -> bool:
    pair = (words[i], words[i + 1] if i + 1 < len(words) else "")
    return words[i] in lexicon()["condition"] or pair in _AGAIN


def _consequence(words: list[str], k: int) -> int | None:
    """The last token of a consequence opening at ``words[k]``: "siap-siap" alone or with a
    particle, "lihat saja nanti", "see what happens", "tahu sendiri akibatnya", "be sorry",
    "tak jamin kamu aman"."""
    v, word = lexicon(), words[k]
    if word == "siapsiap" or (word == "siap" and words[k + 1 : k + 2] == ["siap"]):
        j = k + 1 if word == "siapsiap" else k + 2
        after = words[j] if j < len(words) else None
        if after is None or after in v["suffer"]:
            return j - 1
        if after in v["particle"]:  # "siap-siap saja (kalian)", not "siap-siap saja jam 5"
            return j - 1 if _clause_ends(words, _skip(words, j, v["particle"])) else None
        return j if after in v["consequence"] else None
    if word in v["see"]:
        j = _skip(words, k + 1, v["particle"])
        if j < len(words) and words[j] == "what":
            j += 2  # "see what happens"
        elif j < len(words) and words[j] in v["later"]:
            j += 1  # "lihat saja nanti"
        elif j < len(words):
            return None
        return k if _clause_ends(words, j) else None
    if word in v["suffer"]:
        j = _skip(words, k + 1, v["own"])
        if j < len(words) and words[j] in v["taste"]:
            return j if _clause_ends(words, j + 1) else None  # "tahu rasanya", not "... enak"
        return j if j < len(words) and words[j] in v["consequence"] else None
    return _warning(words, k)


def _warning(words: list[str], k: int) -> int | None:
    """The last token of a consequence that warns: "be sorry", "tak jamin kamu aman",
    "ati-ati wae", "awas"."""
    v, word = lexicon(), words[k]
    if word in v["sorry"] and k and words[k - 1] == "be":
        return k
    if word in _GUARANTEE and k and words[k - 1] in v["negation"] | {"tak"}:
        safe = [j for j in range(k + 1, min(len(words), k + 4)) if words[j] in v["safe"]]
        return safe[0] if safe else None
    paired = words[k + 1 : k + 2] and words[k + 1] in v["careful"]
    if word in v["careful"] and (paired or word in _CAREFUL_ONE):
        if mentions(words, v["road"] | v["hazard"] | v["cause"]):
            return None  # "kalau nulis sambil nyetir di jalan, hati-hati ya"
        end = k + 1 if paired else k
        return end if _clause_ends(words, end + 1) else None  # "ati-ati wae"
    if word == "awas" and _clause_ends(words, k + 1):
        return k
    return None


def _clause_ends(words: list[str], j: int) -> bool:
    """Whether the consequence before ``words[j]`` ends its clause: nothing after but a
    particle, "you" or "we" ("lihat saja nanti, kami tidak main-main"); not "see what happens
    with the new dose", "lihat saja nanti hasilnya"."""
    v = lexicon()
    if j >= len(words):
        return True
    after = words[j]
    return after in v["particle"] or after in v["we"] or (is_you(after) and after != "your")


_CAREFUL_ONE = frozenset(["hatihati", "atiati"])  # "hati2", "ati2" as one token
_GUARANTEE = frozenset(["jamin", "menjamin", "njamin", "guarantee"])


def _skip(words: list[str], j: int, fillers: frozenset[str]) -> int:
    while j < len(words) and words[j] in fillers:
        j += 1
    return j


def _burning(words: list[str]) -> Found | None:
    """A fire foretold for the reader's house, car or shop, said as a possibility or a time
    ("mobilmu bisa saja terbakar malam ini", "omahmu iso kobong sewayah-wayah"); not a
    warning with its cause ("rumahmu bisa kebakaran kalau kompornya ditinggal")."""
    v = lexicon()
    if mentions(words, v["cause"]):
        return None
    for i in range(len(words)):
        if not _yours(words, i, v["possession"]):
            continue
        window = list(around(words, i))
        fire = [k for k in window if words[k] in v["accident"] and not negated_at(words, k)]
        if fire and any(words[k] in v["possible"] for k in window):
            return min(i, *fire), max(i, *fire), f"threat:property {words[fire[0]]}"
    return None


def _yours(words: list[str], i: int, things: frozenset[str]) -> bool:
    """Whether ``words[i]`` is one of the reader's ``things``: "omahmu", "kantor kalian",
    "your house"."""
    word = words[i]
    if YOUR_NOUN.fullmatch(word):
        return word[:-2] in things
    if word in things and i + 1 < len(words) and words[i + 1] in lexicon()["person"]:
        return True
    return word in lexicon()["place-english"] and i > 0 and words[i - 1] == "your"


def _shamed(words: list[str]) -> Found | None:
    """ "It would be a shame if something happened to your kids", "sayang kalau terjadi
    apa-apa sama anakmu": a pity wished on the reader's people or things; not a health wish
    ("jaga kesehatan")."""
    v = lexicon()
    if mentions(words, v["habit"] | v["cause"] | v["careful"]):
        return None
    yours = [k for k, w in enumerate(words) if is_you(w) or w == "nice"]
    for i, word in enumerate(words):
        if word not in v["shame"] or not yours:
            continue
        cond = [k for k in range(i + 1, min(len(words), i + 3)) if words[k] in v["condition"]]
        if not cond:
            continue
        happen = [
            k for k in range(cond[0], min(len(words), cond[0] + 6)) if words[k] in v["happening"]
        ]
        if happen:
            return i, max(happen[0], *yours), f"threat:shame {words[happen[0]]}"
    return None


def _family_bears(words: list[str]) -> Found | None:
    """The reader's family made to bear it: "anak istrimu nanti yang nanggung", "your family
    will pay for this"; not a cost ("keluargamu yang menanggung biaya kuliah")."""
    v = lexicon()
    for i, word in enumerate(words):
        yours = YOUR_NOUN.fullmatch(word) is not None or (i > 0 and words[i - 1] == "your")
        if word not in v["family"] or not yours:
            continue
        for k in range(i + 1, min(len(words), i + 6)):
            if words[k] not in v["bear"]:
                continue
            said = [j for j in range(i + 1, k) if words[j] in v["intent"] or words[j] == "yang"]
            if said and _borne(words, k + 1) and not negated_at(words, k):
                return i, k, f"threat:family {words[k]}"
    return None


def _borne(words: list[str], j: int) -> bool:
    """Whether what the family bears after ``words[j]`` is the consequence, not a cost: the
    clause ends, or "akibatnya", "for this", "the price" closes it ("pay for this trip" does
    not)."""
    v = lexicon()
    rest = words[j : j + 4]
    if not v["cost"].isdisjoint(rest):
        return False
    k = _skip(words, j, _BORNE)
    return _clause_ends(words, k) or (k < len(words) and words[k] in v["consequence"])


_BORNE = frozenset(["for", "this", "it", "the", "price", "semua", "ini", "itu", "nanti"])


def _visited(words: list[str]) -> Found | None:
    """A visit to the reader's place said by the speaker with menace, a wait or at night ("tunggu
    saja, kami akan datang ke rumahmu", "tak parani omahmu mengko bengi"; not "sesuk tak datangi
    omahmu karo bojoku"), or a crowd called to a third party's ("ayo rame-rame datangi
    rumahnya", "everyone go to his house"), or a raid on either ("ayo geruduk kantor
    redaksinya"); none for a purpose ("untuk arisan", "bawa bantuan") or denied."""
    v, forms = lexicon(), visit_forms()
    armed = menaced(words) or not v["gang"].isdisjoint(words)
    if not armed and not v["purpose"].isdisjoint(words):
        return None
    # once, not per visit: a comment may repeat the verb
    menace = functools.cache(lambda: armed or waits(words) or not v["night"].isdisjoint(words))
    for i, word in enumerate(words):
        if word not in forms or negated_at(words, i):
            continue
        place = _place(words, i + 1)
        if place is None:
            continue
        whose, last = place
        before = words[max(0, i - 5) : i]
        said = forms[word] or any(w in v["we"] or w in v["intent"] for w in before)
        rallied = any(w in v["rally"] or w in v["incite"] for w in before)
        raid = word in verb_forms("raid")
        if (whose == "yours" and (said or rallied) and (raid or menace())) or (
            whose == "theirs" and (rallied or (raid and said))
        ):
            return max(0, i - 1), last, f"threat:visit {word}"
    return None


def _place(words: list[str], start: int) -> tuple[str, int] | None:
    """Whose place a visit goes to, "yours" or "theirs", and its last token, within a few
    tokens of ``start``: "rumahmu", "rumahnya", "kantor redaksi", "his house"."""
    v = lexicon()
    for j in range(start, min(len(words), start + 4)):
        word = words[j]
        if word in v["place-yours"]:
            return "yours", j
        if word in v["place-theirs"] or word in v["press"]:
            return "theirs", j
        if word in v["place-english"] and words[j - 1] in v["owner"]:
            return ("yours" if words[j - 1] == "your" else "theirs"), j
        if word == "kantor" and j + 1 < len(words) and words[j + 1] in v["outlet"]:
            return "theirs", j + 1
    return None


def _awaited(words: list[str]) -> Found | None:
    """The reader told to wait for the speaker, their place named: "Rumahmu di gang tiga kan.
    Tunggu saja kami malam ini.", "wait for us, we know your house"; not a plan, a purpose or a
    time ("tunggu kami di rumahmu jam 7", "tunggu kami, nanti mampir bawa kue")."""
    v, forms = lexicon(), verb_forms("wait")
    if not _place_named(words) or any(w.isdigit() for w in words):
        return None
    if not (v["plan"] | v["purpose"] | v["neighbourly"]).isdisjoint(words):
        return None
    for i, word in enumerate(words):
        if word not in forms or forms[word] or (i and words[i - 1] in _FIRST):
            continue  # "tak enteni" is the speaker waiting (``abuse._lurking``)
        k = _skip(words, i + 1, v["particle"] | _FOR)
        if k < len(words) and words[k] in _US:
            return i, k, f"threat:awaited {word}"
    return None


_FIRST = frozenset(["tak", "dak", "ta", "aku", "kami", "saya", "i", "we", "ll"])
_FOR = frozenset(["for", "kedatangan", "tekane"])  # "wait for us", "tunggu kedatangan kami"
_US = frozenset(["kami", "aku", "awakdewe", "us", "me"])


def _place_named(words: list[str]) -> bool:
    """Whether the reader's place is named: "rumahmu", "omahmu", "your house"."""
    v = lexicon()
    return not v["place-yours"].isdisjoint(words) or any(
        a == "your" and b in _WHEREABOUTS_EN for a, b in itertools.pairwise(words)
    )


def _watched(words: list[str]) -> Found | None:
    """The speaker knowing or holding the reader's whereabouts: "alamatmu wis tak kantongi",
    "aku ngerti sekolahe anakmu", "I know what car you drive", "kami tahu jam berapa kamu
    pulang"; not a neighbour's remark ("cedak omahku", "congrats on the new office")."""
    v = lexicon()
    if not v["neighbourly"].isdisjoint(words):
        return None
    menace = functools.cache(lambda: menaced(words) or waits(words))  # once per comment
    for i, word in enumerate(words):
        if (word not in v["dox"] and word not in _watch_forms()) or negated_at(words, i):
            continue
        before = words[max(0, i - 4) : i]
        if _forbidden(words, i) or not any(
            w in v["we"] or w in v["speaker"] or w == "tak" for w in before
        ):
            continue
        if word in _watch_forms():
            followed = _followed(words, i)
            if followed is not None:
                return max(0, i - 1), followed, f"threat:watched {word}"
            continue
        spot = _whereabouts(words, max(0, i - 4), min(len(words), i + 7))
        home = spot is not None and words[spot][:-2] in v["dwelling"] | {"kantor"}
        asked = not v["asking"].isdisjoint(words[i : i + 7])
        if home and word in v["know"] and not (asked or menace()):
            continue  # "aku ngerti omahmu, sing cat ijo": knowing a house is no menace alone
        if spot is not None:
            return min(i, spot), max(i, spot), f"threat:watched {word}"
    return None


# Tokens back from a knowing verb within which "jangan" forbids it ("jangan sebar alamatnya");
# further back it is another clause.
_DENIED = 4


def _forbidden(words: list[str], i: int) -> bool:
    """Whether "jangan" forbids the knowing at ``words[i]`` ("jangan sebar alamatnya", "kami
    minta jangan kasih tahu alamatmu"); not when the speaker comes between, opening a clause of
    their own ("Jangan sok berani. Kami tahu sekolah anakmu.")."""
    before = words[max(0, i - _DENIED) : i]
    if "jangan" not in before:
        return False
    between = before[len(before) - before[::-1].index("jangan") :]
    v = lexicon()
    return not any(w in v["we"] or w in v["speaker"] for w in between)


@functools.cache
def _watch_forms() -> frozenset[str]:
    return frozenset(verb_forms("watch"))


def _followed(words: list[str], i: int) -> int | None:
    """The reader as the object of a watching verb ("kami pantau terus kamu", "we are watching
    you", "tak awasi koen"); not their progress ("perkembanganmu") nor a show ("on TV")."""
    v = lexicon()
    if not v["screen"].isdisjoint(words):
        return None
    for k in range(i + 1, min(len(words), i + 4)):
        if words[k] in v["person"] and words[k] != "your":
            return k
    return None


def _whereabouts(words: list[str], lo: int, hi: int) -> int | None:
    """A token in ``words[lo:hi]`` naming where the reader is to be found: "alamatmu",
    "sekolahe anakmu", "your car", or a question of place with "you" and a movement ("where
    you live", "jam berapa kamu pulang")."""
    v = lexicon()
    for k in range(lo, hi):
        word = words[k]
        if YOUR_NOUN.fullmatch(word) and word[:-2] in v["whereabouts"]:
            return k
        if word in v["whereabouts"] and k + 1 < hi and words[k + 1] in v["family"]:
            return k + 1
        if word == "your" and k + 1 < hi and words[k + 1] in _WHEREABOUTS_EN:
            return k + 1
        kin = words[k + 1 : k + 4]  # "your daughter's school": your, daughter, s, school
        if word == "your" and kin[:1] and kin[0] in v["kin"] and _WHEREABOUTS_EN & set(kin[1:]):
            return min(hi - 1, k + 3)
    window = words[lo:hi]
    asking = not v["asking"].isdisjoint(window)
    if asking and not v["moving"].isdisjoint(window) and any(is_you(w) for w in window):
        return hi - 1
    if asking and "yours" in window and not _WHEREABOUTS_EN.isdisjoint(window):
        return lo + window.index("yours")  # "we know which car is yours"
    return None


_WHEREABOUTS_EN = frozenset(["address", "car", "house", "home", "office", "plate", "school"])


def _met(words: list[str]) -> Found | None:
    """ "Awas kalau ketemu", "awas nek papasan karo aku": a meeting promised as menace, the
    comment ending there or on a person; not "awas kalau ketemu ular di sawah"."""
    v = lexicon()
    for i, word in enumerate(words):
        if word != "awas":
            continue
        for k in range(i + 1, min(len(words), i + 3)):
            if words[k] not in v["condition"]:
                continue
            meet = [j for j in range(k + 1, min(len(words), k + 3)) if words[j] in v["meet"]]
            if meet and _person_or_end(words, meet[0] + 1):
                return i, meet[0], f"threat:meeting {words[meet[0]]}"
    return None


def _person_or_end(words: list[str], j: int) -> bool:
    """Whether nothing but particles follows ``words[j:]``, or a person ("karo aku")."""
    v = lexicon()
    rest = [w for w in words[j : j + 3] if w not in v["particle"] and w not in _WITH]
    return not rest or rest[0] in v["person"] or rest[0] in v["we"] or rest[0] in v["speaker"]


_WITH = frozenset(["karo", "ambek", "sama", "dengan", "with"])


def _warned(words: list[str]) -> Found | None:
    """A last warning to the reader ("ini peringatan terakhir buat kamu", "this is your last
    warning"), or "you've been warned" / "... or else" closing the comment; not a deadline
    ("peringatan terakhir untuk pendaftaran") nor "warned about the traffic"."""
    n = len(words)
    if n >= 2 and (words[-2], words[-1]) in (("been", "warned"), ("or", "else")):
        return n - 2, n - 1, f"threat:warning {words[-1]}"
    for i, pair in enumerate(itertools.pairwise(words)):
        if pair not in _LAST_WARNING:
            continue
        near = [k for k in around(words, i, 3) if is_you(words[k])]
        described = any(words[k + 1 : k + 2] == ["yang"] for k in near)  # "buat kamu yang ..."
        if near and not described and lexicon()["notice"].isdisjoint(words):
            return min(i, *near), max(i + 1, *near), f"threat:warning {pair[0]}"
    return None


_LAST_WARNING = frozenset(
    [("peringatan", "terakhir"), ("last", "warning"), ("final", "warning"), ("warning", "terakhir")]
)


def _unrest(words: list[str]) -> Found | None:
    """Peace or safety denied to the reader from now on: "hidupmu gak bakal tenang", "kamu
    tidak akan aman di mana pun", "koen gak bakal selamet", "you will never be safe"; not
    advice with its condition ("... kalau utang menumpuk", "never be safe online without 2FA")."""
    v = lexicon()
    if mentions(words, v["advice"] | v["hazard"] | v["road"] | v["habit"]):
        return None
    people = v["person"] | with_mu("life") | with_mu("rest")  # not "datamu", "akunmu"
    for i, word in enumerate(words):
        if word not in v["peace"]:
            continue
        before = words[max(0, i - 5) : i]
        denied = not v["negation"].isdisjoint(before) or "never" in before
        future = not v["intent"].isdisjoint(before) or "never" in before
        aimed = [k for k in range(max(0, i - 5), i) if words[k] in people]
        if denied and future and aimed:
            return aimed[0], i, f"threat:unrest {word}"
    return None


def _unblamed(words: list[str]) -> Found | None:
    """Blame refused in advance for what may befall the reader: "jangan salahkan kami kalau
    terjadi sesuatu padamu", "ojo nyalahke aku nek ono opo-opo karo kowe", "don't blame us if
    something happens to you"; not "... kalau harga naik" (no one's harm)."""
    v = lexicon()
    if mentions(words, v["hazard"] | v["road"] | v["outdoors"]):
        return None  # "... kalau terjadi sesuatu di gunung, bawa perlengkapan"
    for i, word in enumerate(words):
        if word not in v["blame"] or not v["deny"] & set(words[max(0, i - 2) : i]):
            continue
        rest = words[i + 1 : i + 10]
        befalls = not v["befall"].isdisjoint(rest) or _twice(rest, ("apa", "opo", "kenapa"))
        aimed = [i + 1 + k for k, w in enumerate(rest) if is_you(w) or w in v["family"]]
        if befalls and aimed:
            return max(0, i - 1), aimed[-1], f"threat:unblamed {word}"
    return None


def _twice(words: list[str], doubled: tuple[str, ...]) -> bool:
    """ "Apa-apa", "opo-opo", "kenapa-kenapa": something, anything (happening)."""
    return any(a == b and a in doubled for a, b in itertools.pairwise(words))


def _paid_back(words: list[str]) -> Found | None:
    """Revenge promised: "kamu bakal dapet balasannya", "tunggu saja balasan kami"; not "tunggu
    balasan email dari HRD" (the reply is a thing)."""
    v = lexicon()
    for i, word in enumerate(words):
        if word not in v["payback"]:
            continue
        before = words[max(0, i - 4) : i]
        after = words[i + 1 : i + 2]
        ends = not after or after[0] in v["we"] or after[0] in v["particle"] or after[0] == "dari"
        if (
            ends
            and not v["receive"].isdisjoint(before)
            and (any(map(is_you, before)) or not v["we"].isdisjoint(words[i + 1 : i + 3]))
        ):
            return max(0, i - 3), i, f"threat:payback {word}"
    return None


def _fated(words: list[str]) -> Found | None:
    """A fate told as what "usually" befalls people like the reader or journalists who write
    so: "orang kayak kamu biasanya hilang tanpa jejak", "wartawan yang nulis begini biasanya
    celaka", "people like you end up in a ditch"; not history ("wartawan hilang di era Orde
    Baru" has no "usually" and no writing)."""
    v = lexicon()
    like_you = any(is_you(w) for w in words) and not v["liken"].isdisjoint(words)
    written = not v["press"].isdisjoint(words) and not v["act"].isdisjoint(words)
    if not (like_you or written):
        return None
    for i, word in enumerate(words):
        if word in v["fate"] and (
            not v["usually"].isdisjoint(words[max(0, i - 4) : i]) or menaced(words)
        ):
            return max(0, i - 2), i, f"threat:fate {word}"
    return None


def _numbered(words: list[str]) -> Found | None:
    """The reader's life said to be short: "umurmu tidak akan lama lagi", "kamu tidak akan
    hidup lama", "nyawamu tinggal sebentar"; the last days to enjoy ("nikmati hari-hari
    terakhirmu"); not a smoker warned ("kalau terus merokok, kamu tidak akan hidup lama")."""
    v = lexicon()
    if not v["habit"].isdisjoint(words):
        return None
    for i, word in enumerate(words):
        life = YOUR_NOUN.fullmatch(word) and word[:-2] in v["life"]
        living = word in v["living"] and any(is_you(w) for w in words[max(0, i - 4) : i])
        if life or living:
            end = _short(words, i + 1)
            if end is not None:
                return i, end, f"threat:numbered {word}"
        if is_you(word) and _gone(words[i + 1 : i + 5]):
            return i, min(len(words) - 1, i + 3), f"threat:numbered {word}"
        if word in v["enjoy"]:
            end = _last_days(words, i + 1)
            if end is not None:
                return i, end, f"threat:numbered {words[end]}"
    return None


def _gone(after: list[str]) -> bool:
    """ "(kowe) wis ora ono", "(kamu) sudah tidak ada" closing the comment: no longer alive."""
    v = lexicon()
    return (
        len(after) == 3
        and after[0] in _ALREADY
        and after[1] in v["negation"]
        and after[2] in ("ono", "ana", "ada")
    ) or (len(after) == 4 and after[3] in ("dunia", "donya"))


_ALREADY = frozenset(["wis", "wes", "uwis", "sudah", "udah", "dah", "already"])


def _short(words: list[str], start: int) -> int | None:
    """The last token of "(tidak akan) lama", "ora suwe", "tinggal sebentar" after a life."""
    v = lexicon()
    for k in range(start, min(len(words), start + 4)):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if nxt in WHERE:
            return None  # "hidup lama di kota ini": living somewhere
        denied = any(w in v["negation"] for w in words[max(0, k - 5) : k])
        if words[k] in v["short"] and (denied or words[k - 1] == "tinggal"):
            return k
    return None


def _last_days(words: list[str], start: int) -> int | None:
    """The last token of "(hari-hari) terakhirmu", "your last days", with no place or time
    after ("hari terakhirmu di kantor", "your last days of holiday")."""
    v = lexicon()
    for k in range(start, min(len(words), start + 4)):
        word = words[k]
        last = word == "terakhirmu" or (
            word in ("days", "day") and words[k - 1] in v["last"] and "your" in words[start:k]
        )
        if last:
            after = words[k + 1] if k + 1 < len(words) else ""
            return None if after in WHERE or after in _OF else k
    return None


_OF = frozenset(["of", "as", "with", "sebagai", "kerja", "libur", "sekolah", "kuliah", "kantor"])


@functools.cache
def cue_pairs() -> tuple[tuple[frozenset[str], frozenset[str] | None], ...]:
    """The words each rule here needs, with the words it needs beside them (``abuse._may``)."""
    v = lexicon()
    return (
        (
            v["condition"] | v["one"],
            v["siap"] | v["see"] | v["suffer"] | v["sorry"] | _GUARANTEE | v["careful"] | {"awas"},
        ),
        (v["accident"], v["possible"]),
        (v["shame"], v["happening"]),
        (v["family"], v["bear"]),
        (
            frozenset(visit_forms()),
            v["place-yours"] | v["place-theirs"] | v["press"] | v["place-english"] | v["outlet"],
        ),
        (v["dox"], v["whereabouts"] | with_mu("whereabouts") | v["asking"] | frozenset(["your"])),
        (frozenset(verb_forms("wait")), _US),
        (with_mu("life") | v["living"], v["short"]),
        (v["enjoy"], v["last"] | frozenset(["terakhirmu"])),
        (_ALREADY, frozenset(["ono", "ana", "ada"])),
        (frozenset(["warned", "warning", "peringatan", "else"]), None),
        (v["peace"], v["negation"] | frozenset(["never"])),
        (frozenset(verb_forms("watch")), v["person"]),
        (frozenset(["awas"]), v["meet"]),
        (v["blame"], v["befall"] | frozenset(["apa", "opo", "kenapa"])),
        (v["payback"], v["receive"]),
        (v["fate"], v["usually"] | v["menace"] | v["careful"]),
    )


RULES = (
    _conditional,
    _burning,
    _shamed,
    _family_bears,
    _visited,
    _awaited,
    _watched,
    _numbered,
    _warned,
    _unrest,
    _met,
    _unblamed,
    _paid_back,
    _fated,
)
