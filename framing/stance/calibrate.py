"""A calibrated frame model over the cue features: multinomial logistic regression with the theory's signs.

Model (neutral is the reference frame)::

    z_j          = clip((x_j - centre_j) / scale_j, -clip_z, clip_z)     x_j: a feature of alarm_features.csv
    log(P(alarmist) / P(neutral))  = a + sum_j wa_j * z_j
    log(P(skeptical) / P(neutral)) = b + sum_j ws_j * z_j
    alarm_index  = log(P(alarmist) / P(skeptical)) = (a - b) + sum_j (wa_j - ws_j) * z_j
    frame        = the most probable frame

The weights are fitted by maximum likelihood with an L2 penalty ``sum(w**2) / (2 * C)`` on all
weights (``C`` fixed: :data:`C`, scikit-learn's default), intercepts unpenalised, with L-BFGS-B
(scipy). The sign the theory gives a feature (``alarm_features.csv``: +1 alarm, -1 counter, 0 free)
is a **constraint** (bounds): for a +1 feature ``wa >= 0`` and ``ws <= 0``, for a -1 feature the
reverse, so ``weight = wa - ws``, the feature's weight in ``alarm_index``, always has the theory's
sign or is 0; the benchmark reports which constraints bind. Two logits rather than one ordinal index:
a skeptical piece names the threat it dismisses, so threat words need not make it less skeptical,
while dismissals make it skeptical (on the development set, leave one story out, this beat a
proportional-odds model at every penalty tried: ``benchmarks/RESULTS.md``).

Centres and scales are the training set's means and standard deviations, rounded and then fixed:
one article scores the same alone or in any corpus. The fitted model ships as data,
``framing/data/alarm_model.csv`` (:data:`MODEL_COLUMNS`; kinds ``feature``, ``intercept``,
``parameter``) with ``framing/data/alarm_model_meta.csv`` (``key, value``: the script, the data
digest, the split). ``scripts/fit_frame_model.py`` writes both; the same data give the same bytes.
"""
from __future__ import annotations

import bisect
import csv
import hashlib
import io
from pathlib import Path

import numpy as np
import pandas as pd

from .._data import data_path
from .cues import feature_names, load_feature_spec

FRAMES_ORDER = ("skeptical", "neutral", "alarmist")   # from counter-alarm to alarm
C = 1.0                                               # inverse L2 strength (scikit-learn's default C)
DECIMALS = 6                                          # every number written is rounded to this
MODEL_FILE, META_FILE = "alarm_model.csv", "alarm_model_meta.csv"
MODEL_COLUMNS = ["feature", "kind", "weight", "weight_alarmist", "weight_skeptical", "centre", "scale", "sign",
                 "rationale"]
LOSO_COLUMNS = ["story", "n", "n_alarmist", "n_neutral", "n_skeptical", "auc_alarmist", "auc_skeptical", "accuracy"]
CODING_COLUMNS = ["id", "story", "url", "outlet", "date", "label", "reason", "coder_confidence"]
_LABEL_ALIASES = {"alarm": "alarmist", "alarmed": "alarmist", "skeptic": "skeptical", "sceptical": "skeptical"}


# --------------------------------------------------------------------------- the model


def standardise(features: pd.DataFrame, model: dict) -> np.ndarray:
    """Clipped z-scores of the model's features, shape (n_documents, n_features)."""
    F = model["features"]
    x = features[list(F.index)].to_numpy(dtype=float)
    z = (x - F["centre"].to_numpy()) / F["scale"].to_numpy()
    return np.clip(np.nan_to_num(z), -model["clip_z"], model["clip_z"])


def _logits(Z: np.ndarray, wa, ws, a: float, b: float) -> np.ndarray:
    """Columns skeptical, neutral, alarmist (neutral = 0)."""
    return np.column_stack([b + Z @ ws, np.zeros(len(Z)), a + Z @ wa])


def frame_scores(features: pd.DataFrame, model: dict | None = None) -> pd.DataFrame:
    """Calibrated index, probabilities and frame for each row of ``features``.

    Parameters
    ----------
    features : DataFrame with ``doc_id`` and the model's features (:func:`framing.stance.cues.frame_features`)
    model : dict from :func:`load_frame_model` or :func:`fit_frame_model`; default: the shipped model

    Returns
    -------
    DataFrame, one row per document: ``doc_id, alarm_index`` (log(P(alarmist) / P(skeptical)): higher
    = more alarmist, 0 = as likely alarmist as skeptical), ``p_alarmist, p_neutral, p_skeptical`` and
    ``frame`` (the most probable; a tie goes to neutral).
    """
    from scipy.special import softmax

    M = load_frame_model() if model is None else model
    F = M["features"]
    z = standardise(features, M)
    L = _logits(z, F["weight_alarmist"].to_numpy(), F["weight_skeptical"].to_numpy(), M["intercept_alarmist"],
                M["intercept_skeptical"])
    p = softmax(L, axis=1)
    best = np.argmax(np.column_stack([p[:, 1], p[:, 2], p[:, 0]]), axis=1)   # ties: neutral first
    frame = np.array(["neutral", "alarmist", "skeptical"])[best]
    return pd.DataFrame({"doc_id": features["doc_id"].to_numpy(), "alarm_index": (L[:, 2] - L[:, 0]).round(DECIMALS),
                         "p_alarmist": p[:, 2].round(DECIMALS), "p_neutral": p[:, 1].round(DECIMALS),
                         "p_skeptical": p[:, 0].round(DECIMALS), "frame": frame})


def contributions(features: pd.DataFrame, model: dict | None = None) -> pd.DataFrame:
    """Long table ``doc_id, feature, value, z, weight, contribution`` (``weight * z``, with ``weight``
    the feature's weight in ``alarm_index``); per document the contributions plus
    ``intercept_alarmist - intercept_skeptical`` sum to ``alarm_index``."""
    M = load_frame_model() if model is None else model
    z = standardise(features, M)
    F = M["features"]
    rows = []
    for i, did in enumerate(features["doc_id"]):
        for j, name in enumerate(F.index):
            w = float(F.at[name, "weight"])
            rows.append((did, name, float(features[name].iloc[i]), float(z[i, j]), w, w * float(z[i, j])))
    return pd.DataFrame(rows, columns=["doc_id", "feature", "value", "z", "weight", "contribution"])


def _nll(params: np.ndarray, Z: np.ndarray, Y: np.ndarray, c: float):
    """Penalised negative log-likelihood of the multinomial model and its gradient.

    ``params = [wa_1 .. wa_p, ws_1 .. ws_p, a, b]``; ``Y`` one-hot (n, 3) in the column order
    skeptical, neutral, alarmist.
    """
    from scipy.special import logsumexp

    p = Z.shape[1]
    wa, ws, a, b = params[:p], params[p:2 * p], params[2 * p], params[2 * p + 1]
    L = _logits(Z, wa, ws, a, b)
    lse = logsumexp(L, axis=1)
    f = lse.sum() - (Y * L).sum() + 0.5 * (wa @ wa + ws @ ws) / c
    G = np.exp(L - lse[:, None]) - Y
    grad = np.concatenate([Z.T @ G[:, 2] + wa / c, Z.T @ G[:, 0] + ws / c, [G[:, 2].sum(), G[:, 0].sum()]])
    return f, grad


def fit_multinomial(Z: np.ndarray, y, signs, c: float = C) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Fit the sign-constrained multinomial model: returns ``(wa, ws, a, b)``.

    ``Z`` (n, p) standardised features; ``y`` (n,) frames (``skeptical``, ``neutral``, ``alarmist``);
    ``signs`` (p,) in {+1, -1, 0}: for +1, ``wa >= 0`` and ``ws <= 0``; for -1 the reverse; 0 free.
    Deterministic: the start is all zeros.
    """
    from scipy.optimize import minimize

    y = np.asarray([FRAMES_ORDER.index(v) for v in y])
    n, p = Z.shape
    Y = np.zeros((n, 3))
    Y[np.arange(n), y] = 1.0
    up, down, free = (0.0, None), (None, 0.0), (None, None)
    bounds = [up if s > 0 else down if s < 0 else free for s in signs]
    bounds += [down if s > 0 else up if s < 0 else free for s in signs]
    bounds += [free, free]
    r = minimize(_nll, np.zeros(2 * p + 2), args=(Z, Y, c), jac=True, method="L-BFGS-B", bounds=bounds,
                 options={"maxiter": 10000, "ftol": 1e-13, "gtol": 1e-10})
    return r.x[:p], r.x[p:2 * p], float(r.x[2 * p]), float(r.x[2 * p + 1])


def _r(v) -> float:
    return float(np.round(v, DECIMALS)) + 0.0      # + 0.0: no "-0.0" in the file


def fit_frame_model(features: pd.DataFrame, labels, c: float = C) -> dict:
    """Fit the frame model on a development set.

    Parameters
    ----------
    features : DataFrame with the features of ``alarm_features.csv`` (one row per document)
    labels : sequence of ``skeptical`` / ``neutral`` / ``alarmist``, aligned with ``features``

    Returns
    -------
    dict (the shape of :func:`load_frame_model`): ``features`` (DataFrame indexed by feature:
    weight, weight_alarmist, weight_skeptical, centre, scale, sign, rationale),
    ``intercept_alarmist``, ``intercept_skeptical``, ``clip_z``. Centres and scales (means and
    standard deviations of the training rows) and the fitted numbers are rounded to :data:`DECIMALS`.
    """
    spec = load_feature_spec()
    names = feature_names()
    X = features[names].to_numpy(dtype=float)
    centre = np.round(X.mean(axis=0), DECIMALS) + 0.0
    scale = np.round(X.std(axis=0), DECIMALS)
    scale = np.where(scale > 0, scale, 1.0)
    signs = np.array([spec["features"][n][0] for n in names])
    F = pd.DataFrame({"weight": 0.0, "weight_alarmist": 0.0, "weight_skeptical": 0.0, "centre": centre,
                      "scale": scale, "sign": signs, "rationale": [spec["features"][n][1] for n in names]},
                     index=pd.Index(names, name="feature"))
    model = {"features": F, "intercept_alarmist": 0.0, "intercept_skeptical": 0.0, "clip_z": spec["params"]["clip_z"]}
    wa, ws, a, b = fit_multinomial(standardise(features, model), labels, signs, c)
    F["weight_alarmist"] = [_r(v) for v in wa]
    F["weight_skeptical"] = [_r(v) for v in ws]
    F["weight"] = [_r(x - y) for x, y in zip(F["weight_alarmist"], F["weight_skeptical"])]
    model.update(intercept_alarmist=_r(a), intercept_skeptical=_r(b))
    return model


def model_table(model: dict) -> pd.DataFrame:
    """The rows of ``alarm_model.csv`` for a model (numbers as fixed-precision strings)."""
    def num(v):
        return f"{float(v):.{DECIMALS}f}"

    rows = [(n, "feature", num(r.weight), num(r.weight_alarmist), num(r.weight_skeptical), num(r.centre),
             num(r.scale), str(int(r.sign)), r.rationale) for n, r in model["features"].iterrows()]
    a, b = model["intercept_alarmist"], model["intercept_skeptical"]
    rows.append(("intercept", "intercept", num(a - b), num(a), num(b), "", "", "",
                 "log(P(alarmist)/P(neutral)) = intercept_alarmist + sum(weight_alarmist * z); likewise skeptical; "
                 "alarm_index = log(P(alarmist)/P(skeptical)) = intercept + sum(weight * z)"))
    rows.append(("clip_z", "parameter", num(model["clip_z"]), "", "", "", "", "",
                 "standardised features z = (x - centre) / scale are clipped to [-clip_z, clip_z] "
                 "(alarm_features.csv)"))
    return pd.DataFrame(rows, columns=MODEL_COLUMNS)


def _csv_bytes(df: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(df.columns))
    w.writerows(df.astype(str).itertuples(index=False))
    return buf.getvalue().encode("utf-8")


def write_frame_model(model: dict, meta: dict, path=None, meta_path=None) -> tuple[Path, Path]:
    """Write ``alarm_model.csv`` and its ``key, value`` metadata file (default: the packaged ones;
    the metadata file is ``<model stem>_meta.csv`` beside the model)."""
    path = Path(path) if path is not None else data_path(MODEL_FILE)
    meta_path = Path(meta_path) if meta_path is not None else path.with_name(path.stem + "_meta.csv")
    path.write_bytes(_csv_bytes(model_table(model)))
    meta_path.write_bytes(_csv_bytes(pd.DataFrame(list(meta.items()), columns=["key", "value"])))
    return path, meta_path


_MODEL_CACHE: dict = {}


def load_frame_model(path=None) -> dict:
    """Read a model file (default: the packaged ``alarm_model.csv``) and its metadata.

    Returns the dict of :func:`fit_frame_model` plus ``meta`` (the metadata file as a dict; empty
    when absent). Raises ValueError on a malformed file (other columns, an unknown feature, no
    intercept, a weight of the wrong sign).
    """
    p = Path(path) if path is not None else data_path(MODEL_FILE)
    key = (str(p), p.stat().st_mtime_ns if p.exists() else 0)
    if key in _MODEL_CACHE:
        return _MODEL_CACHE[key]
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    if list(df.columns) != MODEL_COLUMNS:
        raise ValueError(f"{p.name}: columns must be {MODEL_COLUMNS}")
    feats = df[df["kind"] == "feature"].set_index("feature")
    unknown = sorted(set(feats.index) - set(feature_names()))
    if unknown:
        raise ValueError(f"{p.name}: unknown features {unknown}")
    F = feats[MODEL_COLUMNS[2:]].copy()
    for col in MODEL_COLUMNS[2:-1]:
        F[col] = F[col].astype(float)
    wrong = (F["weight_alarmist"] * F["sign"] < 0) | (F["weight_skeptical"] * F["sign"] > 0)
    if (F["scale"] <= 0).any() or wrong.any():
        raise ValueError(f"{p.name}: scale must be > 0 and every weight of its theory sign")
    inter = df[df["kind"] == "intercept"]
    clip = df[(df["kind"] == "parameter") & (df["feature"] == "clip_z")]
    if len(inter) != 1 or len(clip) != 1:
        raise ValueError(f"{p.name}: needs one intercept row and clip_z")
    meta_p = p.with_name(p.stem + "_meta.csv")
    meta = {}
    if meta_p.exists():
        meta = dict(pd.read_csv(meta_p, dtype=str, keep_default_na=False).itertuples(index=False))
    model = {"features": F, "intercept_alarmist": float(inter["weight_alarmist"].iloc[0]),
             "intercept_skeptical": float(inter["weight_skeptical"].iloc[0]),
             "clip_z": float(clip["weight"].iloc[0]), "meta": meta}
    _MODEL_CACHE[key] = model
    return model


def frame_table(corpus, quotes: pd.DataFrame | None = None, model: dict | None = None, story=None) -> pd.DataFrame:
    """Features, calibrated index, probabilities and frame per document (no language gate: the caller's),
    computed on each article's opening (:func:`framing.stance.cues.opening`).

    Returns :func:`framing.stance.cues.frame_features` columns plus ``alarm_index, p_alarmist,
    p_neutral, p_skeptical, frame``.
    """
    from .cues import frame_features, openings

    docs, quotes = openings(corpus, quotes)   # the model reads each article's opening (window_words)
    f = frame_features(docs, quotes=quotes, story=story)
    return f.merge(frame_scores(f, model), on="doc_id", how="left")


def driving_sentences(corpus, cues: pd.DataFrame | None = None, model: dict | None = None, k: int = 3) -> pd.DataFrame:
    """The ``k`` sentences of each document whose cues move ``alarm_index`` most.

    A sentence's effect is the document's index minus the index computed without that sentence's
    cue rows (the token count unchanged), so it reads "this sentence adds +0.8 toward alarmist".

    Returns
    -------
    DataFrame: ``doc_id, rank, start, end`` (the sentence span), ``text`` (``doc.text[start:end]``),
    ``effect``, ``cues`` (the cue texts and kinds of the sentence, ``; ``-joined); only sentences
    with at least one cue, at most ``k`` per document, largest absolute effect first.
    """
    from .cues import _docs, features_from_cues, frame_cues

    docs = _docs(corpus)
    M = load_frame_model() if model is None else model
    cues = frame_cues(docs) if cues is None else cues
    texts = {d.doc_id: d.text for d in docs}
    ntok = {d.doc_id: len(d.tokens) for d in docs}
    variants, keys = [], []
    for did, g in cues.groupby("doc_id", sort=False):
        sent = list(zip(g["sentence_start"], g["sentence_end"]))
        for span in dict.fromkeys(sent):
            keep = g[[x != span for x in sent]]
            variants.append(keep.assign(doc_id=f"{did}\0{span[0]}"))
            keys.append((did, span))
    cols = ["doc_id", "rank", "start", "end", "text", "effect", "cues"]
    if not keys:
        return pd.DataFrame(columns=cols)
    ids = [f"{d}\0{s[0]}" for d, s in keys]
    n = pd.Series([ntok[d] for d, _ in keys] + [ntok[d] for d in dict.fromkeys(d for d, _ in keys)],
                  index=ids + list(dict.fromkeys(d for d, _ in keys)))
    feats = features_from_cues(pd.concat(variants + [cues], ignore_index=True), n)
    feats.index.name = "doc_id"
    idx = frame_scores(feats.reset_index(), M).set_index("doc_id")["alarm_index"]
    rows = []
    for (did, (a, b)), vid in zip(keys, ids):
        g = cues[(cues["doc_id"] == did) & (cues["sentence_start"] == a)]
        rows.append((did, a, b, texts[did][a:b], float(idx[did] - idx[vid]),
                     "; ".join(f"{t} ({c})" for t, c in zip(g["text"], g["cue"]))))
    out = pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "effect", "cues"])
    out = out.assign(mag=out["effect"].abs()).sort_values(["doc_id", "mag", "start"], ascending=[True, False, True])
    out = out.groupby("doc_id", sort=False).head(k).drop(columns="mag")
    out.insert(1, "rank", out.groupby("doc_id").cumcount() + 1)
    out["effect"] = out["effect"].round(DECIMALS)
    return out.reset_index(drop=True)[cols]


def bootstrap_interval(corpus, cues: pd.DataFrame | None = None, model: dict | None = None, n_boot: int = 200,
                       level: float = 0.9, seed: int = 0) -> pd.DataFrame:
    """Sentence-bootstrap interval of ``alarm_index`` and of ``p_alarmist``/``p_skeptical``.

    Each replicate draws the document's sentences with replacement (as many as it has) and
    recomputes the rates and ``warn_share`` from the drawn sentences' cues and tokens (a voice
    belongs to the sentence of its first cue); the headline, lede and last-word features stay the
    document's own (they describe fixed places, not a sample). Deterministic for a given ``seed``.

    Returns
    -------
    DataFrame: ``doc_id, index_low, index_high, p_alarmist_low, p_alarmist_high, p_skeptical_low,
    p_skeptical_high`` (the ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the replicates).
    """
    from .cues import _counts, _docs, _sentences, features_from_cues, frame_cues, load_feature_spec

    docs = _docs(corpus)
    M = load_frame_model() if model is None else model
    cues = frame_cues(docs) if cues is None else cues
    p = load_feature_spec()["params"]
    rng = np.random.default_rng(seed)
    names = list(_counts(cues.iloc[:0]))
    by_doc = {d: g for d, g in cues.groupby("doc_id", sort=False)}
    q = [(1 - level) / 2, (1 + level) / 2]
    rows = []
    for doc in docs:
        sents = _sentences(doc)
        starts = [a for a, _ in sents]
        S = len(sents)
        tok = np.zeros(S)
        for ts, _ in doc.tokens:
            tok[max(bisect.bisect_right(starts, ts) - 1, 0)] += 1
        g = by_doc.get(doc.doc_id)
        counts = np.zeros((S, len(names)))
        warn, counter = np.zeros(S), np.zeros(S)
        if g is not None:
            si = np.array([max(bisect.bisect_right(starts, a) - 1, 0) for a in g["sentence_start"]], dtype=int)
            for j, mask in enumerate(_counts(g).values()):
                np.add.at(counts[:, j], si[mask], 1)
            voiced = g.assign(si=si)[g["unit"].to_numpy() >= 0]
            for _, u in voiced.groupby("unit"):
                net = u["polarity"].sum()
                if net:
                    (warn if net > 0 else counter)[int(u["si"].iloc[0])] += 1
        draws = rng.multinomial(S, np.full(S, 1.0 / S), size=n_boot) if S else np.zeros((n_boot, 0))
        n_t = draws @ tok
        F = pd.DataFrame(1000.0 * (draws @ counts) / (n_t + p["prior_tokens"])[:, None], columns=names)
        w, c = draws @ warn, draws @ counter
        F["warn_share"] = (w + p["prior_voices"]) / (w + c + 2 * p["prior_voices"])
        own = features_from_cues(g if g is not None else cues.iloc[:0],
                                 pd.Series([len(doc.tokens)], index=[doc.doc_id]))
        for name in ("headline_net", "lede_net", "last_net"):
            F[name] = float(own[name].iloc[0])
        F["doc_id"] = doc.doc_id
        s = frame_scores(F, M)
        lo_hi = [np.quantile(s[c_], q) for c_ in ("alarm_index", "p_alarmist", "p_skeptical")]
        rows.append((doc.doc_id, *[round(float(v), DECIMALS) for pair in lo_hi for v in pair]))
    return pd.DataFrame(rows, columns=["doc_id", "index_low", "index_high", "p_alarmist_low", "p_alarmist_high",
                                       "p_skeptical_low", "p_skeptical_high"])


# --------------------------------------------------------------------------- the development set


def read_codings(paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read one or more coding CSVs (``id, story, url, outlet, date, label, reason, coder_confidence``;
    only ``id, story, label`` are required).

    Returns ``(codings, conflicts)``: one row per id with a normalised ``label`` (skeptical,
    neutral, alarmist) and ``file``; an id coded twice with the same label is kept once, with
    different labels it goes to ``conflicts`` (id, labels) and not to ``codings``.
    """
    frames = []
    for path in paths:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = {"id", "story", "label"} - set(df.columns)
        if missing:
            raise ValueError(f"{Path(path).name}: missing columns {sorted(missing)}")
        frames.append(df.assign(file=Path(path).name))
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=CODING_COLUMNS + ["file"])
    df = df[df["id"].str.strip() != ""].copy()
    df["id"] = df["id"].str.strip()
    df["story"] = df["story"].str.strip()
    lab = df["label"].str.strip().str.lower()
    df["label"] = lab.map(lambda v: _LABEL_ALIASES.get(v, v))
    bad = sorted(set(df.loc[~df["label"].isin(FRAMES_ORDER), "label"]))
    if bad:
        raise ValueError(f"codings: unknown labels {bad}")
    n_labels = df.groupby("id")["label"].nunique()
    clash = n_labels[n_labels > 1].index
    conflicts = (df[df["id"].isin(clash)].groupby("id")["label"].apply(lambda s: "/".join(sorted(set(s))))
                 .reset_index(name="labels"))
    ok = df[~df["id"].isin(clash)].drop_duplicates("id").sort_values("id").reset_index(drop=True)
    return ok, conflicts


def dev_documents(codings: pd.DataFrame, texts_dir) -> tuple[list, pd.DataFrame]:
    """Documents of the coded ids found in ``texts_dir`` (``<id>.txt``: title line, blank line,
    body) that pass the language and length gate.

    Returns ``(documents, excluded)``, ``excluded`` with ``id, reason`` (no text, not assessable).
    """
    from ..corpus import document_from_text, read_article
    from ..language import assess

    docs, excluded = [], []
    for did in codings["id"]:
        p = Path(texts_dir) / f"{did}.txt"
        if not p.is_file():
            excluded.append((did, "no text file"))
            continue
        d = document_from_text(read_article(p), did, path=str(p))
        a = assess(d)
        if not a.assessable:
            excluded.append((did, a.reason))
            continue
        docs.append(d)
    return docs, pd.DataFrame(excluded, columns=["id", "reason"])


def data_digest(coding_paths, text_paths) -> str:
    """``sha256:`` over the coding files and the texts used, in sorted order of their names.

    Each file contributes its name (not its folder), a NUL, the sha256 of its bytes and a newline,
    so the digest names the data, not where it sits.
    """
    h = hashlib.sha256()
    for p in sorted((Path(x) for x in list(coding_paths) + list(text_paths)), key=lambda q: (q.name, str(q))):
        h.update(f"{p.name}\0{hashlib.sha256(p.read_bytes()).hexdigest()}\n".encode())
    return "sha256:" + h.hexdigest()


def file_digest(*names: str) -> str:
    """``sha256:`` over packaged data files (the cue and feature definitions a model was fitted with)."""
    h = hashlib.sha256()
    for n in names:
        h.update(data_path(n).read_bytes())
    return "sha256:" + h.hexdigest()


def train(texts_dir, coding_paths, out=None, meta_out=None, script="scripts/fit_frame_model.py") -> dict:
    """Read the development set, fit the model on all of it, write the model and metadata files.

    Returns a dict: ``model``, ``features`` (with ``doc_id, story, label``), ``excluded``,
    ``conflicts``, ``meta``, ``paths``.
    """
    from .cues import frame_features, opening

    coding_paths = [Path(p) for p in coding_paths]
    codings, conflicts = read_codings(coding_paths)
    docs, excluded = dev_documents(codings, texts_dir)
    if not docs:
        raise ValueError("no coded document with a text")
    used = [Path(d.path) for d in docs]
    docs = [opening(d) for d in docs]   # the same unit the model is applied to
    feats = frame_features(docs)
    lab = codings.set_index("id")
    feats["story"] = feats["doc_id"].map(lab["story"])
    feats["label"] = feats["doc_id"].map(lab["label"])
    model = fit_frame_model(feats, feats["label"])
    loso_table, loso_pred = leave_one_story_out(feats)
    loso = loso_table.set_index("story").loc["pooled"]
    counts = feats["label"].value_counts()
    stories = feats.groupby("story")["label"].agg(lambda s: "/".join(f"{(s == f).sum()}" for f in FRAMES_ORDER))
    meta = {
        "script": script,
        "command": f"python {script} DEV_TEXTS_DIR --codings " + " ".join(p.name for p in coding_paths),
        "data_digest": data_digest(coding_paths, used),
        "cues_digest": file_digest("alarm_cues.csv", "alarm_features.csv"),
        "codings": " ".join(p.name for p in coding_paths),
        "n_documents": str(len(feats)),
        "labels": " ".join(f"{f}={int(counts.get(f, 0))}" for f in FRAMES_ORDER),
        "stories": " ".join(f"{s}={v}" for s, v in stories.items()) + " (skeptical/neutral/alarmist)",
        "split": "fit on every coded document with a text that passes the language and length gate; "
                 "evaluated leave-one-story-out by benchmarks/bench_frames.py; the seeds are never used",
        "loso_auc_alarmist": f"{loso['auc_alarmist']:.2f}",
        "loso_auc_skeptical": f"{loso['auc_skeptical']:.2f}",
        "loso_accuracy": f"{loso['accuracy']:.2f}",
        "excluded": " ".join(f"{r.id} ({r.reason})" for r in excluded.itertuples()) or "none",
        "conflicting_codes": " ".join(f"{r.id} ({r.labels})" for r in conflicts.itertuples()) or "none",
        "model": f"multinomial logistic regression, neutral the reference; L2 penalty on weights with C = {C}; "
                 f"intercepts unpenalised; theory signs as bounds (scipy L-BFGS-B); features standardised with "
                 f"the training mean and standard deviation, clipped to +-{model['clip_z']:g}",
    }
    paths = write_frame_model(model, meta, out, meta_out)
    loso_path = paths[0].with_name(paths[0].stem + "_loso.csv")
    loso_path.write_bytes(_csv_bytes(loso_pred.round(DECIMALS)))
    return {"model": model, "features": feats, "excluded": excluded, "conflicts": conflicts, "meta": meta,
            "paths": paths}


# --------------------------------------------------------------------------- evaluation


def _auc(positive: np.ndarray, score: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    if positive.all() or not positive.any():
        return float("nan")
    return float(roc_auc_score(positive, score))


def scores_summary(pred: pd.DataFrame) -> dict:
    """AUC alarmist-vs-rest (by p_alarmist), AUC skeptical-vs-rest (by p_skeptical), 3-way accuracy, n."""
    lab = pred["label"].to_numpy()
    return {"n": int(len(pred)),
            "auc_alarmist": _auc(lab == "alarmist", pred["p_alarmist"].to_numpy()),
            "auc_skeptical": _auc(lab == "skeptical", pred["p_skeptical"].to_numpy()),
            "accuracy": float((pred["frame"].to_numpy() == lab).mean()) if len(pred) else float("nan")}


def leave_one_story_out(features: pd.DataFrame, c: float = C) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For each story: fit on the other stories, predict the held-out one.

    Parameters
    ----------
    features : DataFrame with ``doc_id, story, label`` and the model features

    Returns
    -------
    (table, predictions): ``table`` has one row per held-out story plus ``pooled`` (all out-of-fold
    predictions together) and ``mean over stories``: ``story, n, n_alarmist, n_neutral,
    n_skeptical, auc_alarmist, auc_skeptical, accuracy``; ``predictions`` one row per document:
    ``doc_id, story, label`` and the :func:`frame_scores` columns of the fold that held it out.
    """
    preds = []
    for story in sorted(features["story"].unique()):
        test = features["story"] == story
        model = fit_frame_model(features[~test], features.loc[~test, "label"], c)
        s = frame_scores(features[test], model)
        s["story"], s["label"] = features.loc[test, "story"].to_numpy(), features.loc[test, "label"].to_numpy()
        preds.append(s)
    pred = pd.concat(preds, ignore_index=True)
    return loso_table(pred), pred[["doc_id", "story", "label", "alarm_index", "p_alarmist", "p_neutral",
                                   "p_skeptical", "frame"]]


def _counts(g: pd.DataFrame) -> dict:
    return {f"n_{f}": int((g["label"] == f).sum()) for f in ("alarmist", "neutral", "skeptical")}


def load_loso_predictions(path=None) -> pd.DataFrame:
    """The out-of-fold predictions of the development set written with the shipped model
    (``alarm_model_loso.csv``: ``doc_id, story, label, alarm_index, p_alarmist, p_neutral, p_skeptical,
    frame``; ids and codes only, no text), for the calibration and leave-one-story-out views."""
    p = Path(path) if path is not None else data_path(MODEL_FILE).with_name("alarm_model_loso.csv")
    return pd.read_csv(p, dtype={"doc_id": str, "story": str, "label": str, "frame": str}, keep_default_na=False)


def loso_table(pred: pd.DataFrame) -> pd.DataFrame:
    """Per held-out story, pooled and the mean over stories, from out-of-fold predictions
    (the table of :func:`leave_one_story_out`)."""
    rows = [{"story": story, **_counts(g), **scores_summary(g)} for story, g in pred.groupby("story", sort=True)]
    table = pd.DataFrame(rows)
    pooled = {"story": "pooled", **_counts(pred), **scores_summary(pred)}
    mean = {"story": "mean over stories", "n": int(table["n"].sum()),
            **{k: float(table[k].mean()) for k in ("auc_alarmist", "auc_skeptical", "accuracy")}}
    return pd.concat([table, pd.DataFrame([pooled, mean])], ignore_index=True)[LOSO_COLUMNS]


def reliability_table(pred: pd.DataFrame, bins: int = 5) -> pd.DataFrame:
    """Calibration of the predicted probabilities, one-vs-rest for each frame.

    Returns one row per frame and probability bin (``[0, 1/bins)``, ...): ``frame, bin, n,
    mean_predicted, observed`` (share of the bin's documents coded that frame; NaN for an empty bin).
    """
    rows = []
    edges = np.linspace(0, 1, bins + 1)
    for f in ("alarmist", "neutral", "skeptical"):
        p = pred[f"p_{f}"].to_numpy()
        hit = (pred["label"] == f).to_numpy()
        k = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
        for b in range(bins):
            m = k == b
            rows.append({"frame": f, "bin": f"{edges[b]:.1f}-{edges[b + 1]:.1f}", "n": int(m.sum()),
                         "mean_predicted": float(p[m].mean()) if m.any() else float("nan"),
                         "observed": float(hit[m].mean()) if m.any() else float("nan")})
    return pd.DataFrame(rows)


def brier(pred: pd.DataFrame) -> float:
    """Multi-class Brier score (sum over the three frames, mean over documents; 0 best, 2 worst)."""
    y = np.column_stack([(pred["label"] == f).to_numpy(float) for f in ("alarmist", "neutral", "skeptical")])
    p = pred[["p_alarmist", "p_neutral", "p_skeptical"]].to_numpy(float)
    return float(((p - y) ** 2).sum(axis=1).mean())
