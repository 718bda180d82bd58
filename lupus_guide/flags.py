"""Which logged symptoms the guide says to act on: a symptom is read as a set of meaningful words
and matched against the signs in a therapy's "call your care team" and "emergency" lists and the
guide's general ones (emergency signs, warning signs, infections).

The lists are sentences written for people, so each item is cut into signs: "Swelling of the
face, lips or throat" gives swelling+face, swelling+lip and swelling+throat; "pain or burning
when you pee" gives pain+pee and burning+pee. A symptom matches a sign when it holds every word
of the sign, after simple normalisation on both sides (plurals, -ing, -ed, a few everyday ways
of saying the same thing, like "can't catch my breath" for trouble breathing) and a temperature
read as a fever when it reaches the threshold the lists give (100.4 °F / 38 °C). No medical fact
lives here: the signs and the threshold come from the content. Words are only ever added to what
a symptom says, so adding words to a symptom that matches never makes it stop matching.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import msgspec

EMERGENCY = "emergency"
CALL = "call"

# Words that carry no sign: grammar, and the lists' instructions (call, tell, right away...).
STOP = frozenset("""
a an the and or of to in on at for with from by as is are was were be been being it its this that
these those there their them they he she his her him i me my mine we our us you your yours who
whom which what when while if then than so such can could may might will would should do does did
done have has had having get gets got getting go goes going feel feels felt feeling like look looks
really bit little lot lots some any all over also other another just still now right away
day night call text tell ask say nurse care team doctor sign signs sudden suddenly new newly
more less higher lower high low about around into out up down off not no one two thought
kind kinds example examples such even same time times keep keeps pass passing include includes
""".split())
# Words read as one meaning (after the endings below are taken off).
WORDS = {
    "swollen": "swell", "puffy": "swell", "puff": "swell", "bled": "bleed",
    "breathe": "breath", "breathing": "breath", "breathless": "breathless",
    "urine": "pee", "urinate": "pee", "urination": "pee", "wee": "pee", "peeing": "pee",
    "heartbeat": "heart", "heartbeats": "heart", "difficulty": "trouble",
    "difficult": "trouble", "hard": "trouble", "cannot": "trouble", "cant": "trouble",
    "unable": "trouble", "struggl": "trouble", "problem": "trouble", "trouble": "trouble",
    "myself": "self", "yourself": "self", "himself": "self", "herself": "self",
    "themselves": "self", "ourselves": "self", "suicidal": "suicide", "feverish": "fever",
    "temp": "temperature", "chilled": "chill", "chilly": "chill", "shiver": "chill",
    "shivery": "chill", "rigor": "chill", "puke": "vomit", "nauseous": "nausea",
    "nauseated": "nausea", "queasy": "nausea", "collapse": "faint", "disoriented": "confus",
    "confusion": "confus", "speech": "speak", "talk": "speak", "itchy": "itch", "welt": "hive",
    "tiredness": "tired", "exhausted": "tired", "fatigue": "tired", "drowsy": "sleepy",
    "phlegm": "mucus", "sputum": "mucus", "tummy": "stomach", "belly": "stomach",
    "abdomen": "stomach", "abdominal": "stomach", "dizziness": "dizzy", "lightheaded": "dizzy",
    "light-headed": "dizzy", "slur": "trouble", "blurry": "blur", "closing": "clos",
    "tightness": "tight", "tighten": "tight", "sting": "burn", "stung": "burn",
    "hurts": "pain", "painful": "pain", "ache": "pain", "aching": "pain", "sore": "sore",
    "racing": "fast", "race": "fast", "rapid": "fast", "pounding": "fast",
    "irregular": "uneven", "droop": "weak", "weakness": "weak",
    "fluttering": "flutter", "shaking": "chill",
    "seeing": "see", "hearing": "hear", "bruise": "bruis", "bruising": "bruis",
}
# Spanish words a person may log (accents folded), read as the English word the guide's lists
# use: the lists are always read in English (``lists_in_english``), whatever the run's language.
SPANISH = {
    "dificultad": "trouble", "problema": "trouble", "respirar": "breath", "respiracion": "breath",
    "respiro": "breath", "respira": "breath", "aire": "breath", "falta": "short",
    "ahogo": "breathless", "ahogando": "breathless", "ahogarme": "breathless",
    "silbido": "breathless", "hinchazon": "swell", "hinchado": "swell", "hinchada": "swell",
    "inflamado": "swell", "inflamada": "swell", "labio": "lip", "lengua": "tongue",
    "garganta": "throat", "cara": "face", "rostro": "face", "boca": "mouth", "ojo": "eye",
    "pierna": "leg", "brazo": "arm", "pie": "feet", "tobillo": "ankle", "piel": "skin",
    "pecho": "chest", "corazon": "heart", "latido": "heart", "estomago": "stomach",
    "barriga": "stomach", "vientre": "stomach", "cabeza": "head", "dolor": "pain",
    "duele": "pain", "doloroso": "pain", "dolorosa": "pain", "ardor": "burn", "arde": "burn",
    "quema": "burn", "desmayo": "faint", "desmaye": "faint", "desmayado": "faint",
    "desmayada": "faint", "conocimiento": "conscious", "confusion": "confus",
    "confundido": "confus", "confundida": "confus", "debilidad": "weak", "debil": "weak",
    "entumecimiento": "numb", "adormecimiento": "numb", "adormecido": "numb",
    "adormecida": "numb", "hormigueo": "numb", "fiebre": "fever", "calentura": "fever",
    "febril": "fever", "temperatura": "temperature", "grado": "degrees",
    "escalofrio": "chill", "temblor": "chill", "sarpullido": "rash", "salpullido": "rash",
    "erupcion": "rash", "erupciones": "rash", "roncha": "hive", "picazon": "itch",
    "comezon": "itch", "pica": "itch", "ampolla": "blister", "orina": "pee", "orinar": "pee",
    "orino": "pee", "pipi": "pee", "sangre": "blood", "sangrado": "bleed", "sangrando": "bleed",
    "sangra": "bleed", "moreton": "bruis", "moretones": "bruis", "tos": "cough",
    "tosiendo": "cough", "toser": "cough", "flema": "mucus", "moco": "mucus",
    "vomito": "vomit", "vomitar": "vomit", "vomitando": "vomit",
    "mareo": "dizzy", "mareado": "dizzy", "mareada": "dizzy", "rapido": "fast",
    "acelerado": "fast", "palpitacion": "flutter", "palpitaciones": "flutter",
    "hablar": "speak", "habla": "speak", "vista": "vision", "borrosa": "blur",
    "borroso": "blur", "suicidio": "suicide", "suicidarme": "suicide", "matarme": "suicide",
    "lastimarme": "selfharm", "dano": "harm", "hacerme": "self", "convulsion": "seizure",
    "convulsiones": "seizure", "heces": "stool", "negro": "black", "negra": "black",
    "oscuro": "dark", "oscura": "dark", "amarillo": "yellow", "amarilla": "yellow",
    "rojo": "red", "roja": "red", "rosado": "pink", "rosada": "pink", "cafe": "brown",
    "espumosa": "foamy", "espumoso": "foamy", "cansancio": "tired", "cansado": "tired",
    "cansada": "tired", "presion": "pressure", "peso": "weight", "aumento": "gain",
    "caminar": "walk", "tragar": "swallow", "llaga": "sore", "ulcera": "ulcer",
}

# Everyday ways of saying a sign: when every word of a trigger is there, the words after it are
# added (to a symptom), or stand for the trigger (in a list's sign).
SAYING_TEXTS = (
    ("trouble breath", "breathless"), ("short breath", "breathless"),
    ("shortness breath", "breathless"), ("catch breath", "breathless"),
    ("out breath", "breathless"), ("breathless", "breathless"), ("wheez", "breathless"),
    ("gasp", "breathless"), ("gasping", "breathless"),
    ("throat tight", "swell throat"), ("throat closing", "swell throat"),
    ("trouble move arm", "weak"), ("trouble move leg", "weak"), ("trouble move face", "weak"),
    ("pass out", "faint"), ("black out", "faint"), ("passed out", "faint"),
    ("throw up", "vomit"), ("threw up", "vomit"), ("thrown up", "vomit"),
    ("hurt self", "selfharm"), ("harm self", "selfharm"), ("kill self", "selfharm"),
    ("suicide", "selfharm"), ("end life", "selfharm"),
    ("high temperature", "fever"), ("hive", "hive rash itch"),
    ("pain head", "headache"), ("pain throat", "sore throat"), ("perdi conscious", "faint"),
    ("lost conscious", "faint"), ("face caida", "weak"), ("face caido", "weak"),
    ("want die", "selfharm"),
    ("chest tight", "chest pressure"),
)
# Parts of the body: never a sign alone ("lips" in "swelling of the face, lips or throat").
BODY = frozenset("""face lip mouth tongue throat eye skin arm leg feet foot ankle hand chest
stomach head body heart""".split())
# Words that need a place or a context to be a sign ("pain" in "pain or burning when you pee").
VAGUE = frozenset("""pain burn pressure swell bleed numb tender red warm black dark pink brown
white yellow race flutter blur sore fast slow uneven see hear""".split())
# Words a list's item gives once for several signs: "trouble breathing or swallowing".
SHARED = frozenset({"trouble", "very"})
TEMPERATURE = re.compile(
    r"(\d{2,3}(?:[.,]\d+)?)\s*(?:°|º|degrees?|deg)?\s*(f|c|fahrenheit|celsius)?(?![a-z0-9])",
    re.IGNORECASE)
TEMPERATURE_WORDS = frozenset({"temperature", "fever", "thermometer", "degree", "degrees",
                               "temperatura", "fiebre", "calentura", "grados", "termometro"})


class Sign(msgspec.Struct, frozen=True):
    """One sign of a list: the words a symptom must hold, and the item it comes from."""

    words: frozenset[str]
    level: str
    item: str
    source: str


class Flag(msgspec.Struct, frozen=True):
    """A match: "emergency" or "call", the list item matched and whose list it is."""

    level: str
    item: str
    source: str


class Signs(msgspec.Struct, frozen=True):
    signs: tuple[Sign, ...]
    fever_at_f: float | None  # the lists' fever threshold, in °F (None: they give none)


def _stem(word: str) -> str:
    return _final(_ending(word.replace("'", "").replace("’", "")))


def _final(word: str) -> str:
    """A last silent e off, on both sides alike: bruise and bruising, suicide and suicidal."""
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _ending(word: str) -> str:
    if word in WORDS:
        return WORDS[word]
    if word in SPANISH and SPANISH[word] not in SPANISH:
        return _ending(SPANISH[word])
    for ending, keep in (("iness", 3), ("ness", 3), ("fully", 4), ("ful", 4)):
        if word.endswith(ending) and len(word) - len(ending) >= keep:
            word = word[: -len(ending)] + ("y" if ending == "iness" else "")
            break
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
                word = word[:-1]  # running -> run
            break
    if word in SPANISH and SPANISH[word] not in SPANISH:  # a plural: "labios", "piernas"
        return _ending(SPANISH[word])
    return WORDS.get(word, word)


@functools.cache
def _sayings() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """``SAYING_TEXTS`` as words, each trigger word stemmed as a text's words are."""
    return tuple((frozenset(_stem(w) for w in trigger.split()),
                  frozenset(_stem(w) for w in meaning.split()))
                 for trigger, meaning in SAYING_TEXTS)


@functools.cache
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(w) for w in words) | words


def _fold(text: str) -> str:
    """Lower case without accents: "respiración" is "respiracion"."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    text = re.sub(r"\bcan(?:['’]?t| not)\b", "cannot", _fold(text).replace("’", "'"))
    text = text.replace("n't", " not")
    return [_stem(w) for w in re.findall(r"[a-z][a-z'’-]*[a-z]|[a-z]", text)]


def _fahrenheit(value: float, unit: str | None, said_temperature: bool) -> float | None:
    """A number read as a body temperature in °F, or None when it is not one."""
    if unit:
        return value * 9 / 5 + 32 if unit.startswith("c") else value
    if not said_temperature:
        return None
    if 34 <= value <= 44:
        return value * 9 / 5 + 32
    return value if 93 <= value <= 111 else None


def symptom_words(text: str, fever_at_f: float | None) -> frozenset[str]:
    """The words of what a person logged, with what they stand for added."""
    words = set(_words(text))
    said_temperature = bool(words & _stems(TEMPERATURE_WORDS))
    if fever_at_f is not None:
        for number, unit in TEMPERATURE.findall(text.casefold()):
            degrees = _fahrenheit(float(number.replace(",", ".")), unit or None,
                                  said_temperature)
            if degrees is not None and degrees >= fever_at_f:
                words.add("fever")
    for trigger, meaning in _sayings():
        if trigger <= words:
            words |= meaning
    return frozenset(words)


def _sign_words(text: str) -> list[str]:
    """A fragment of a list item as the words of a sign (sayings stand for their triggers)."""
    words = _words(text)
    found = set(words)
    for trigger, meaning in _sayings():
        if trigger <= found and trigger != meaning:
            words = [w for w in words if w not in trigger] + sorted(meaning - {"itch", "rash"})
            found = set(words)
    stop = _stems(STOP)
    return list(dict.fromkeys(w for w in words if w not in stop and not w.isdigit()))


QUALIFIER = re.compile(r"\b(?:in|after|when|that|with|during|from|while)\b", re.IGNORECASE)
CALL_IF = re.compile(r"call your care team (?:right away |now |today )?(?:if|for|about|when) (.+)",
                     re.IGNORECASE)
LEAD_IN = re.compile(r"^(?:also )?call (?:for|if|about) ", re.IGNORECASE)


def _sentence_signs(sentence: str) -> list[frozenset[str]]:
    """The signs of one sentence of a list item."""
    sentence = LEAD_IN.sub("", sentence.strip())
    first = sentence.split(" ", 1)[0].casefold()
    if first in ("if", "for"):  # "If you have thoughts of hurting yourself, get help now."
        sentence = sentence.split(",", 1)[0]
    elif first in INSTRUCTIONS:
        return []
    if ":" in sentence:  # "Fever ...: call your care team" / "Signs of liver trouble: ..."
        head, rest = sentence.split(":", 1)
        said = rest.strip().split(" ", 1)[0].casefold()
        condition = CALL_IF.match(rest.strip())  # "Kidneys: call ... if your urine looks foamy"
        if condition:
            sentence = condition.group(1)
        else:
            sentence = head if said in INSTRUCTIONS or said == "call" else rest
    body, vague = _stems(BODY), _stems(VAGUE)
    signs: list[frozenset[str]] = []
    previous: list[str] = []
    parts = [re.split(r"\bor\b", part) for part in re.split(r"[,;]", sentence)]
    runs = [[_sign_words(text) for text in texts] for texts in parts]
    for number, (texts, run) in enumerate(zip(parts, runs, strict=True)):
        following = [w for later in runs[number + 1:number + 2] for words in later[-1:]
                     for w in words[-1:] if w not in vague]  # "pink" in "pink, red or brown urine"
        for index, text in enumerate(texts):  # "nausea or vomiting that keeps you from..."
            qualifier = QUALIFIER.split(text, 1)
            if len(qualifier) == 2 and _sign_words(qualifier[1]):
                for earlier in run[:index]:
                    if len(earlier) == 1:
                        earlier += _sign_words(qualifier[1])
        for index, words in enumerate(run):
            if not words:
                continue
            if all(w in body for w in words):  # "lips" after "swelling of the face"
                words = [w for w in previous if w not in body] + words
            elif all(w in vague for w in words):  # "pressure" after "chest pain"
                after = [w for later in run[index + 1:] for w in later if w not in vague]
                words = words + (after or [w for w in previous if w in body] or following)
            if len(words) == 1:  # "swallowing" after "trouble breathing"
                words = [w for w in previous if w in SHARED] + words
            if any(w not in vague and w not in body for w in words) or (
                    any(w in vague for w in words) and any(w in body for w in words)):
                signs.append(frozenset(words))
            previous = words
    return signs


# Sentences that tell what to do rather than name a sign.
INSTRUCTIONS = frozenset("""take keep wash stay ask tell wear bring say watch examples do lean
your some after lupus rituximab gazyva steroids it go get""".split())


def item_signs(item: str) -> list[frozenset[str]]:
    """The signs of one list item."""
    item = re.sub(r"\([^)]*\)", " ", item)  # "(911 in the US)", "(38 °C)"
    item = TEMPERATURE.sub(" ", item)
    return [sign for sentence in re.split(r"(?<=[.!?])\s+", item) if sentence.strip()
            for sign in _sentence_signs(sentence.rstrip(".!?"))]


def fever_threshold(items: Iterable[str]) -> float | None:
    """The lowest fever temperature (°F) the items give, e.g. "Fever of 100.4 °F (38 °C)"."""
    found = []
    for item in items:
        if "fever" in item.casefold():
            for number, unit in TEMPERATURE.findall(item.casefold()):
                degrees = _fahrenheit(float(number.replace(",", ".")), unit or None, True)
                if degrees is not None:
                    found.append(degrees)
    return min(found) if found else None


# The guide's general lists: care topics every person with lupus is told about.
GENERAL_TOPICS = {"emergency-signs": EMERGENCY, "warning-signs": "", "infections": CALL,
                  "mental-health": ""}
EMERGENCY_WORDS = ("emergency number", "911", "988")


def _topic_level(item: str, level: str) -> str:
    if level:
        return level
    return EMERGENCY if any(w in item.casefold() for w in EMERGENCY_WORDS) else CALL


def lists(content, therapy_id: str | None) -> list[tuple[str, str, str]]:
    """(level, item, source) of every list a symptom is checked against: the therapy's own, the
    general ones, and, when no therapy of the guide is named, every therapy's lists."""
    found: list[tuple[str, str, str]] = []
    therapies = list(content.therapies)
    named = [t for t in therapies if t.id == therapy_id]
    for therapy in named or therapies:
        found += [(EMERGENCY, item, therapy.generic_name) for item in therapy.call_emergency.items]
        found += [(CALL, item, therapy.generic_name) for item in therapy.call_care_team.items]
    for topic in getattr(content, "care", ()):
        if topic.id in GENERAL_TOPICS:
            found += [(_topic_level(item, GENERAL_TOPICS[topic.id]), item, topic.title)
                      for item in topic.items
                      if GENERAL_TOPICS[topic.id] or topic.id == "warning-signs"
                      or any(w in item.casefold() for w in EMERGENCY_WORDS)]
    return found


def in_english(content, env):
    """The content whose lists a symptom is read against: the English one, whatever the run's
    language (the words above read a Spanish symptom in English words). A run in English, or
    English that cannot be loaded, keeps ``content``."""
    from lupus_guide.messages import language

    if language() == "en":
        return content
    from lupus_guide.content import default_layers, load_content

    paths = env.paths()
    try:
        return load_content(default_layers(paths.clinic, "en"), cache_dir=paths.cache_dir)
    except Exception:  # noqa: BLE001 - the run's own content is still there to match against
        return content


def signs_for(content, therapy_id: str | None) -> Signs:
    """Every sign to check a symptom against (see ``lists``)."""
    return build_signs(lists(content, therapy_id))


@functools.lru_cache(maxsize=1024)
def _cached_item_signs(item: str) -> tuple[frozenset[str], ...]:
    return tuple(item_signs(item))


def build_signs(entries: Iterable[tuple[str, str, str]]) -> Signs:
    entries = list(entries)
    signs = tuple(Sign(words, level, item, source) for level, item, source in entries
                  for words in _cached_item_signs(item))
    return Signs(signs, fever_threshold(item for _, item, _ in entries))


def match(symptom: str, signs: Signs) -> list[Flag]:
    """The list items a symptom matches, emergency ones first, each item once."""
    words = symptom_words(symptom, signs.fever_at_f)
    if not words:
        return []
    found: dict[str, Flag] = {}
    for sign in signs.signs:
        if sign.words <= words and sign.item not in found:
            found[sign.item] = Flag(sign.level, sign.item, sign.source)
    return sorted(found.values(), key=lambda flag: flag.level != EMERGENCY)


def level(symptom: str, signs: Signs) -> str:
    """"emergency", "call" or "" for a symptom."""
    flags = match(symptom, signs)
    return flags[0].level if flags else ""
