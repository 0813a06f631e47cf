"""The language and length gate: a document the English measures cannot read gets no verdict."""
import pytest

from framing.corpus import document_from_text
from framing.language import MIN_TOKENS, assess, detect_language, function_word_profile

ENGLISH = ("The government signed a defence memorandum with its neighbour on Tuesday. Opposition lawmakers "
           "said the text had not been published and that they would ask the minister to explain it to the "
           "parliament. The minister said the agreement was about border security and was not aimed at any "
           "other country, and he promised that the details would be released in the coming weeks.")
TEXTS = {
    "es": ("El Gobierno firmó un memorando de entendimiento con su vecino en materia de defensa. La oposición "
           "pidió que se publique el texto del acuerdo, que según el ministro no representa ninguna amenaza "
           "para los países de la región. Los críticos dijeron que el acuerdo fue firmado sin consultar al "
           "parlamento y que sus detalles siguen siendo secretos."),
    "fr": ("Le gouvernement a signé un protocole d'accord avec son voisin dans le domaine de la défense. "
           "L'opposition a demandé que le texte de l'accord soit publié, car il représente selon elle une "
           "menace pour la région. Le ministre a déclaré que l'accord ne vise aucun pays et qu'il porte sur "
           "la surveillance des frontières."),
    "und-Arab": ("وقعت الحكومة مذكرة تفاهم مع جارتها في مجال الدفاع. وطالبت المعارضة بنشر نص الاتفاق، بينما قال "
                 "الوزير إن الاتفاق لا يستهدف أي دولة وإنه يتعلق بمراقبة الحدود ومكافحة التهريب."),
    "und-Hani": ("政府与邻国签署了一份国防合作谅解备忘录。"
                 "反对派要求公布协议文本，而部长表示，该协议不针对任何国家，涉及边境监控。"),
    "ja": ("政府は隣国と防衛協力の覚書に署名した。"
           "野党は協定の全文を公開するよう求めたが、大臣はどの国も対象としていないと述べた。"),
}


def _doc(body, doc_id="x"):
    return document_from_text("A headline for the article\n\n" + body + "\n", doc_id)


def test_english_news_is_assessable():
    a = assess(_doc(ENGLISH))
    assert (a.language, a.assessable, a.reason) == ("en", True, "")


@pytest.mark.parametrize("expected", sorted(TEXTS))
def test_other_languages_are_named_and_not_assessed(expected):
    a = assess(_doc(TEXTS[expected]))
    assert a.language == expected and not a.assessable
    assert a.reason.startswith("not English")


def test_a_french_word_that_is_an_english_cue_does_not_make_french_english():
    # "menace" is an English threat cue; the function-word profile still says French
    assert detect_language(TEXTS["fr"], TEXTS["fr"].lower().split()) == "fr"


def test_short_english_text_is_too_short_with_the_threshold_in_the_reason():
    words = ENGLISH.split()[: MIN_TOKENS - 10]
    a = assess(_doc(" ".join(words) + "."))
    assert not a.assessable and a.reason.startswith("too short") and str(MIN_TOKENS) in a.reason


def test_length_threshold_is_inclusive():
    words = (ENGLISH + " " + ENGLISH).split()
    by_length = {len(d.tokens): d for d in (_doc(" ".join(words[:n]) + ".") for n in range(30, 80))}
    assert assess(by_length[MIN_TOKENS]).assessable
    assert not assess(by_length[MIN_TOKENS - 1]).assessable


def test_text_with_no_function_words_is_undetermined_not_english():
    listing = " ".join(f"Item{i} Widget Gadget Sprocket" for i in range(30))
    a = assess(_doc(listing))
    assert a.language == "und" and not a.assessable and "not determined" in a.reason


def test_profile_is_the_share_of_function_words_per_language():
    p = function_word_profile(["the", "of", "cat", "los", "dog", "und", "x", "z"])
    assert p["en"] == 2 / 8 and p["es"] == 1 / 8 and p["de"] == 1 / 8
    assert function_word_profile([]) == {}


def test_stance_gives_no_verdict_to_what_it_cannot_read():
    from framing.stance import NOT_ASSESSED, stance_table

    docs = [_doc(TEXTS[k] * 3, k) for k in ("und-Arab", "und-Hani", "es", "fr")] + [_doc(ENGLISH, "en")]
    t = stance_table(docs).set_index("doc_id")
    for k in ("und-Arab", "und-Hani", "es", "fr"):
        assert t.at[k, "frame"] == NOT_ASSESSED and t.at[k, "alarm_index"] != t.at[k, "alarm_index"]  # NaN
        assert not t.at[k, "assessable"] and t.at[k, "not_assessed_reason"].startswith("not English")
    assert t.at["en", "assessable"] and t.at["en", "frame"] in ("alarmist", "neutral", "skeptical")
    assert t.at["en", "alarm_index"] == t.at["en", "alarm_index"]


def test_corpus_table_carries_the_gate():
    from framing.corpus import documents_table

    t = documents_table([_doc(TEXTS["fr"], "fr"), _doc(ENGLISH, "en")]).set_index("doc_id")
    assert list(t.loc["fr", ["language", "assessable"]]) == ["fr", False]
    assert list(t.loc["en", ["language", "assessable", "not_assessed_reason"]]) == ["en", True, ""]
