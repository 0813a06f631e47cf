"""A generated corpus of news articles for tests that need many documents (invented text).

``write_corpus(folder, n=200)`` writes ``n`` plain-text articles and a ``sources.csv`` in the
shape of the seeds': varied outlets (a few with two or three articles, some with no outlet so
the title or the file stem becomes the label), some very long titles and outlet names, a few
Spanish articles and a couple too short to assess, each English article a mix of plausible
sentences about one story (a defence memorandum between two governments), quotations with
named speakers, reported speech, and a few loaded words, in proportions that vary from
article to article so the alarm index spreads out. ``analyst_frame`` is filled for about two
thirds of the rows. Everything is deterministic for a given ``seed``.
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

OUTLET_WORDS = (["Daily", "Evening", "Morning", "Weekly", "National", "Continental", "Andean", "Pacific",
                 "Atlantic", "Southern", "Northern", "Capital", "Metro", "Free", "Independent", "Public",
                 "Global", "Regional", "Frontier", "Harbour"],
                ["Ledger", "Courier", "Post", "Herald", "Observer", "Tribune", "Dispatch", "Monitor", "Review",
                 "Chronicle", "Sentinel", "Bulletin", "Gazette", "Journal", "Times", "Standard", "Record",
                 "Examiner", "Register", "Star"])
LONG_OUTLETS = [
    "Centre for Hemispheric Security and Strategic Studies (Washington, D.C.)",
    "Institute for Latin American Policy, Democracy and Regional Integration",
    "Foundation for the Defense of Open Societies in the Western Hemisphere",
    "Observatorio Latinoamericano de Geopolítica y Relaciones Internacionales",
]
TOPICS = ["the defence memorandum", "the drone deal", "the security agreement", "the memorandum of understanding",
          "the pact signed in Tehran"]
SPEAKERS = [
    ("Edmundo Novillo", "Bolivia's defence minister", "defends"),
    ("Luis Arce", "President", "defends"),
    ("Maria Castellanos", "Senator", "warns"),
    ("Gustavo Ibarra", "Rep.", "warns"),
    ("Helen Whitcombe", "an analyst at the Meridian Policy Group", "neutral"),
    ("Tomás Ferreyra", "a professor of international relations at the University of Córdoba", "neutral"),
    ("Daniel Okafor", "a former State Department official", "warns"),
    ("Rosa Quispe", "a spokeswoman for the foreign ministry", "defends"),
]
WARN_QUOTES = [
    "This agreement is a direct threat to the security of the whole region",
    "Iran is building a dangerous foothold on our doorstep",
    "We cannot ignore the alarming presence of the Revolutionary Guards in South America",
    "The regime in Tehran has never hidden its hostile intentions",
    "It is a menace that our governments have underestimated for years",
]
DEFEND_QUOTES = [
    "The memorandum covers border surveillance and the fight against drug trafficking, nothing more",
    "Bolivia is a sovereign country and chooses its partners freely",
    "There is no military base and there will be no missiles",
    "These accusations are a campaign of misinformation",
]
NEUTRAL_QUOTES = [
    "The text of the memorandum has not been published, so much of the debate rests on guesswork",
    "Both governments have reasons to present the deal as bigger than it is",
    "The drones mentioned so far are small surveillance models with limited range",
]
ALARM_SENTENCES = [
    "The deal marks an alarming expansion of Iran's reach into the Western Hemisphere.",
    "Critics warn that the regime could use Bolivia as a base for its proxies.",
    "The shadowy agreement raises fears of Hezbollah networks operating near the border.",
    "Officials in Buenos Aires recalled the deadly 1994 bombing of the AMIA Jewish center.",
    "The dangerous partnership threatens to destabilise the region, analysts fear.",
    "Iranian drones on South American soil would be a grave escalation.",
]
SKEPTIC_SENTENCES = [
    "Much of the commentary about the deal is speculative and overblown.",
    "The hysteria over the memorandum says more about Washington's anxieties than about Bolivia.",
    "Alarmist headlines ignored that no details of the agreement were made public.",
    "The scare echoes earlier panics that came to nothing.",
    "La Paz has long defended its sovereignty against pressure from the United States.",
]
NEUTRAL_SENTENCES = [
    "The memorandum was signed in Tehran in July by the two defence ministers.",
    "Bolivia said the cooperation would focus on border control and counter-narcotics work.",
    "Argentina's government asked La Paz for an explanation of the agreement's scope.",
    "The foreign ministry said it would share more information in the coming weeks.",
    "Bolivia holds some of the largest lithium reserves in the world.",
    "The two countries have maintained diplomatic relations since 2007.",
    "Lawmakers from the opposition asked for the text to be presented to Congress.",
    "The United States did not comment on the agreement directly.",
    "Trade between the two countries remains small.",
    "Analysts said the drones reported so far were of a surveillance type.",
]
SPANISH_SENTENCES = [
    "El ministro de Defensa de Bolivia firmó un memorando de entendimiento con su par de Irán.",
    "La oposición pidió que el texto del acuerdo sea presentado ante la Asamblea Legislativa.",
    "El gobierno afirmó que la cooperación se limita al control de fronteras y la lucha contra el narcotráfico.",
    "Según el canciller, no habrá bases militares ni misiles en territorio boliviano.",
    "Los analistas señalaron que los detalles del memorando no fueron publicados.",
    "La noticia generó preocupación en Argentina por los antecedentes del atentado contra la AMIA.",
]
TITLE_PARTS = ["Bolivia and Iran sign defence memorandum", "What the Bolivia–Iran drone deal means",
               "Opposition demands answers on Iran pact", "Inside the memorandum signed in Tehran",
               "Argentina seeks explanations from La Paz", "Why the alarm over Iran in Bolivia is overblown",
               "Iran's growing footprint in South America", "A memorandum, a drone and a lot of speculation"]
LONG_TITLE = ("An unusually long headline that goes on and on about the Bolivia–Iran defence memorandum, the drones "
              "it may or may not include, the reactions in Buenos Aires and Washington, and what it all means for "
              "the region in the years to come")
BOILER = ["Follow us on social", "Share this article", "Sign up for our newsletter to get the latest news",
          "Read more: Five things to know about the lithium triangle"]


def _outlets(rng: random.Random, n: int) -> list[str]:
    names = sorted({f"The {a} {b}" for a in OUTLET_WORDS[0] for b in OUTLET_WORDS[1]})
    rng.shuffle(names)
    return names[:n]


def _quote(rng: random.Random, side: str) -> str:
    name, title, _ = rng.choice([s for s in SPEAKERS if s[2] == side])
    text = rng.choice({"warns": WARN_QUOTES, "defends": DEFEND_QUOTES, "neutral": NEUTRAL_QUOTES}[side])
    form = rng.randrange(3)
    if form == 0:
        return f"“{text},” said {title} {name}."
    if form == 1:
        return f"{title[0].upper() + title[1:]} {name} said: “{text}.”"
    return f"{name}, {title}, said that {text[0].lower() + text[1:]}."


def _english(rng: random.Random, lean: float, n_paragraphs: int) -> list[str]:
    """Paragraphs; ``lean`` in [-1, 1]: the share of alarmist (positive) or skeptical (negative) sentences."""
    paras = []
    for _ in range(n_paragraphs):
        sents = []
        for _ in range(rng.randint(2, 5)):
            r = rng.random()
            if r < 0.2:
                side = "warns" if rng.random() < 0.5 + lean / 2 else rng.choice(["defends", "neutral"])
                sents.append(_quote(rng, side))
            elif r < 0.2 + 0.35 * abs(lean):
                sents.append(rng.choice(ALARM_SENTENCES if lean > 0 else SKEPTIC_SENTENCES))
            else:
                sents.append(rng.choice(NEUTRAL_SENTENCES))
        paras.append(" ".join(sents))
    return paras


def write_corpus(folder: str | Path, n: int = 200, seed: int = 14) -> Path:
    """Write ``n`` generated articles and ``sources.csv`` into ``folder``; return the folder."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    outlets = _outlets(rng, n) + LONG_OUTLETS
    rows = []
    k = 0
    for i in range(n):
        # every 7th article shares the previous one's outlet; a few long names; some have no outlet
        if i % 7 == 6:
            outlet = rows[-1]["outlet"] or outlets[k]
        elif i % 50 == 3:
            outlet = LONG_OUTLETS[(i // 50) % len(LONG_OUTLETS)]
        elif i % 11 == 5:
            outlet = ""
        else:
            outlet, k = outlets[k], k + 1
        spanish = i % 37 == 10
        short = i % 97 == 40
        title = LONG_TITLE if i % 23 == 9 else f"{rng.choice(TITLE_PARTS)} ({i})"
        if i % 31 == 17:
            title = ""  # no outlet and no title in sources.csv: the label is the file stem
            outlet = ""
        stem = (f"{i:03d}_es_{rng.getrandbits(32):08x}" if spanish else
                f"{i:03d}_{rng.getrandbits(64):016x}" if i % 5 else
                f"{i:03d}_{'-'.join(rng.choice(TITLE_PARTS).lower().split())[:60]}")
        lean = max(-1.0, min(1.0, rng.gauss(0, 0.55)))
        lines = []
        if rng.random() < 0.5:
            lines.append(rng.choice(BOILER))
        head = title or f"Report {i}"
        if spanish:
            head = "Bolivia e Irán firman un memorando de defensa"
            body = [" ".join(rng.sample(SPANISH_SENTENCES, 4)) for _ in range(rng.randint(3, 6))]
            dek = "El acuerdo fue firmado en Teherán."
        elif short:
            body = ["Bolivia and Iran signed a memorandum in Tehran. Details were not published."]
            dek = ""
        else:
            body = _english(rng, lean, rng.randint(4, 14))
            dek = f"{rng.choice(NEUTRAL_SENTENCES)}"
        lines += [head, dek] + body
        if rng.random() < 0.4:
            lines.append(rng.choice(BOILER))
        (folder / f"{stem}.txt").write_text("\n\n".join(x for x in lines if x) + "\n", encoding="utf-8")
        analyst = ("" if i % 3 == 2 or spanish or short else
                   "alarmist" if lean > 0.3 else "skeptical" if lean < -0.3 else "neutral")
        rows.append({"doc_id": stem, "outlet": outlet, "title": title,
                     "date": f"2023-{7 + i % 3:02d}-{1 + i % 28:02d}" if i % 4 else "",
                     "analyst_frame": analyst,
                     "analyst_justification": f"generated lean {lean:+.2f}" if analyst else ""})
    with open(folder / "sources.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return folder


if __name__ == "__main__":  # pragma: no cover
    import sys

    print(write_corpus(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200))
