"""Who speaks an untagged turn of a novel's conversation: a small learned ranker over the
evidence the dialogue rules already gather.

The hand-ordered rules of ``dialogue`` (who acts next to the quotation, who was spoken to by
name, alternation) each pick one person.  Here every person any of them points to is a
candidate, described by which evidence points to them (``features``), and the candidate with
the highest weighted sum wins.  The weights are a conditional logit trained on fiction-dev by
``benchmarks/train_turnrank.py`` and shipped in ``turnrank.json`` (a dozen numbers, read with
plain Python).  Without the file the hand rules decide alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

_WEIGHTS_FILE = Path(__file__).with_name("turnrank.json")
# the weights of "he said" turns: which participant of that gender the pronoun means
_PRON_FILE = Path(__file__).with_name("pronrank.json")


def _load(path: Path | None = None) -> dict[str, float]:
    try:
        data = json.loads((path or _WEIGHTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict):
        return {}
    return {str(k): float(v) for k, v in weights.items() if isinstance(v, (int, float))}


WEIGHTS: dict[str, float] = _load()
PRON_WEIGHTS: dict[str, float] = _load(_PRON_FILE)



def _turns_taken(speakers) -> dict[int, int]:
    """How many of these turns each person took."""
    out: dict[int, int] = {}
    for s in speakers:
        if s is not None:
            out[s] = out.get(s, 0) + 1
    return out


def _around(f: dict[str, float], c: int, t, prev, fwd, said_before: dict[int, int]) -> None:
    """The evidence both rankers read around a turn: ``c`` acts beside it, was named at the end
    of the turn before, speaks in a coming turn, has spoken in this conversation."""
    if c in t.beat:
        f["beat"] = 1.0
    if prev is not None and c in prev.tail:
        f["tail_before"] = 1.0
    for n, (d, s) in enumerate(fwd):
        if s == c:
            f[f"next{n + 1}_{'even' if d % 2 == 0 else 'odd'}"] = 1.0
    if c in said_before:
        f["spoke_in_scene"] = min(said_before[c], 4) / 4

def candidates(scene, known: list[int | None], k: int, pick: int | None, why: str,
               gender: Callable[[int], str | None] | None = None) -> list[tuple[int, dict[str, float]]]:
    """Each person the evidence around turn ``k`` points to, with the evidence as features.

    ``pick`` is what the hand rules chose and ``why`` the rule that chose it; ``gender`` tells
    a person's gender ("m", "f", None) where known."""
    t = scene[k]
    prev = scene[k - 1] if k else None
    fwd: list[tuple[int, int]] = []  # (distance, speaker) of the turns after it whose speaker is said
    for j in range(k + 1, min(len(scene), k + 6)):
        if scene[j].kind != "free" and known[j] is not None:
            fwd.append((j - k, known[j]))  # type: ignore[arg-type]
            if len(fwd) == 2:
                break
    nxt = scene[k + 1] if k + 1 < len(scene) else None
    # who has already taken a turn of this conversation under their own name, lately
    cued: dict[int, int] = {}
    for j in range(max(0, k - 12), k):
        s = known[j]
        if s is not None and scene[j].kind != "free":
            cued[s] = k - j
    pool: list[int] = []
    for c in ([pick] + known[max(0, k - 3):k][::-1] + (sorted(prev.to) if prev else [])
              + t.near[:2] + t.named[:2] + t.beat + [s for _, s in fwd[:1]]
              + t.recent[:2] + (sorted(nxt.to) if nxt else [])
              + [s for _, s in sorted((d, s) for s, d in cued.items())][:3]):
        if c is not None and c not in pool:
            pool.append(c)
    said_before = _turns_taken(known[max(0, k - 12):k])  # among the last dozen
    out = []
    for c in pool:
        f: dict[str, float] = {}
        if c == pick:
            f["rule"] = 1.0
            f["rule_" + why] = 1.0
        for d in (1, 2, 3):
            if k - d >= 0 and known[k - d] == c:
                f[f"prev{d}"] = 1.0
        if prev is not None and c in prev.to:
            f["addressed_before"] = 1.0
        if c in t.to:
            f["addressed_here"] = 1.0
        if t.near and t.near[0] == c:
            f["near_first"] = 1.0
            if t.narrated:
                f["near_first_narrated"] = 1.0
        elif c in t.near:
            f["near"] = 1.0
        if c in t.named:
            f["named"] = 1.0
        if t.narrated and k and known[k - 1] == c:
            f["same_after_narration"] = 1.0
        _around(f, c, t, prev, fwd, said_before)
        if c in cued:
            f["cued_near"] = 1.0
        if c == t.actor:
            f["actor"] = 1.0  # "Anne laughed. “Not I.”": who acts in the sentence leading into it
        if nxt is not None and c in nxt.to:
            f["addressed_after"] = 1.0  # "Well, Anne?" in the next turn: Anne spoke this one
        g = gender(c) if gender is not None else None
        if g is not None:
            # "She put out the cigarette. “…”": a he or she acting just before it, or just after
            for name, pron in (("lead_pron", t.lead_pron), ("beat_pron", t.beat_pron)):
                if pron is not None:
                    f[name + ("_agrees" if g == pron else "_clashes")] = 1.0
        if c in t.recent and "prev1" not in f and "prev2" not in f:
            # named lately by the narration, and not one of the two who spoke last
            r = t.recent.index(c)
            f[f"recent{min(r + 1, 3)}"] = 1.0
            if r < t.recent_here:
                f["recent_in_scene"] = 1.0
        out.append((c, f))
    return out


def pron_candidates(scene, known: list[int | None], k: int, resolved: int | None, pick: int | None,
                    gender_of, exclude: int | None = None, spoke_of=None) -> list[tuple[int, dict[str, float]]]:
    """The people "he said" / "she said" in turn ``k`` may mean, with the evidence as features.

    ``resolved`` is who the cue's pronoun resolved to by the text before it (the nearest fitting
    subject), ``pick`` what the turn-taking rule chose; ``gender_of(sid)`` is "m", "f" or None.
    Only people of the pronoun's gender, or of a gender the text never showed, are candidates;
    ``exclude`` (a novel's narrator, who is "I") never is.  ``spoke_of(sid)``: how often a speech
    cue named them (None for someone the text only describes, "the stranger")."""
    t = scene[k]
    g = t.gender
    prev = scene[k - 1] if k else None
    fwd: list[tuple[int, int]] = []
    for j in range(k + 1, min(len(scene), k + 6)):
        if scene[j].kind == "fixed" and known[j] is not None:
            fwd.append((j - k, known[j]))  # type: ignore[arg-type]
            if len(fwd) == 2:
                break
    back = next(((k - j, known[j]) for j in range(k - 1, max(-1, k - 7), -1) if known[j] is not None), None)
    said_before = _turns_taken(known[max(0, k - 12):min(len(known), k + 6)])
    # the people the narration named earlier in the conversation: "Anne and Tom sat by the fire."
    scene_named = [c for u in [scene[0]] + scene[max(1, k - 6):k] for c in u.named[:3]]
    pool: list[int] = []
    for c in ([resolved, pick] + known[max(0, k - 3):k][::-1] + (sorted(prev.to) if prev else [])
              + [t.actor] + t.near[:2] + t.named[:2] + t.beat + [s for _, s in fwd[:1]] + list(said_before)
              + scene_named):
        if c is not None and c not in pool and c != exclude and gender_of(c) in (g, None):
            pool.append(c)
    # the people of that gender taking part around this turn: one of them only is who "she" is
    same = {s for s in said_before if gender_of(s) == g} | {c for c in pool if gender_of(c) == g}
    out = []
    for c in pool:
        f: dict[str, float] = {}
        if c == resolved:
            f["resolved"] = 1.0
            if t.narrated:
                f["resolved_narrated"] = 1.0
        if c == pick:
            f["rule"] = 1.0
        if spoke_of is not None:
            n_spoke = spoke_of(c)
            if n_spoke is None:
                f["described"] = 1.0  # "said the stranger": a description, never a name
            elif n_spoke == 0:
                f["never_named_speaking"] = 1.0  # a capitalised name no cue ever gave
        if gender_of(c) is None:
            f["gender_unknown"] = 1.0
        elif same == {c}:
            f["sole_of_gender"] = 1.0
        for d in (1, 2, 3):
            if k - d >= 0 and known[k - d] == c:
                f[f"prev{d}"] = 1.0
                if d == 1 and t.narrated:
                    f["prev1_narrated"] = 1.0
        if k >= 2 and known[k - 2] == c and known[k - 1] not in (None, c):
            f["alternates"] = 1.0  # A, B, and now A again
        if back is not None and back[1] == c:
            f["back_even" if back[0] % 2 == 0 else "back_odd"] = 1.0
        if prev is not None and c in prev.to:
            f["addressed_before"] = 1.0
        if c in t.to:
            f["addressed_here"] = 1.0
        if c == t.actor:
            f["actor"] = 1.0
        if t.near and t.near[0] == c:
            f["near_first"] = 1.0
        elif c in t.near:
            f["near"] = 1.0
        if c in t.named:
            f["named"] = 1.0
        elif c in scene_named:
            f["scene_named"] = 1.0
        _around(f, c, t, prev, fwd, said_before)
        out.append((c, f))
    return out


def score(f: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(name, 0.0) * v for name, v in f.items())


def rank(cands: list[tuple[int, dict[str, float]]], weights: dict[str, float]) -> int | None:
    """The candidate with the highest score (the first one, the rules' pick, on a tie)."""
    best, best_score = None, float("-inf")
    for c, f in cands:
        s = score(f, weights)
        if s > best_score:
            best, best_score = c, s
    return best


# features that depend on who spoke the turns just before: in ``decode`` they are scored along
# each path of speakers, not from what the hand rules guessed for those turns
_PATH = frozenset({"prev1", "prev2", "same_after_narration"})


def decode(fixed: list[int | None], cands: list[list[tuple[int, dict[str, float]]] | None], narrated: list[bool],
           weights: dict[str, float], width: int = 5) -> list[int | None]:
    """The best sequence of speakers for a conversation's turns at once (Viterbi, second order).

    ``fixed[k]`` is the speaker of a turn not to decide (``cands[k]`` None, or no candidates);
    ``cands[k]`` the candidates of an untagged turn.  A run of untagged turns is read as a
    whole: a vocative or a "She laughed." three turns on can shift who spoke all of them, which
    a turn-by-turn choice, committed to the turns before, cannot do.  Each turn keeps its
    ``width`` best candidates by the evidence that does not depend on the turns before."""
    n = len(fixed)
    w1, w2, wn = weights.get("prev1", 0.0), weights.get("prev2", 0.0), weights.get("same_after_narration", 0.0)
    opts: list[list[tuple[int | None, float]]] = []
    for k in range(n):
        ck = cands[k]
        if not ck:
            opts.append([(fixed[k], 0.0)])
            continue
        scored = [(c, sum(weights.get(name, 0.0) * v for name, v in f.items() if name not in _PATH)) for c, f in ck]
        order = sorted(range(len(scored)), key=lambda i: -scored[i][1])[:width]
        opts.append([scored[i] for i in order])
    if n == 0:
        return []
    # best[(a, b)]: score of the best path whose last two turns take options a (turn k-1) and b (turn k)
    best: dict[tuple[int, int], float] = {(-1, b): s for b, (_, s) in enumerate(opts[0])}
    back: list[dict[tuple[int, int], int]] = [{}]
    for k in range(1, n):
        free = bool(cands[k])
        nb: dict[tuple[int, int], float] = {}
        bp: dict[tuple[int, int], int] = {}
        for (x, a), s in best.items():
            p1 = opts[k - 1][a][0]
            p2 = opts[k - 2][x][0] if x >= 0 else None
            for b, (c, e) in enumerate(opts[k]):
                v = s + e
                if free and c is not None:
                    if c == p1:
                        v += w1 + (wn if narrated[k] else 0.0)
                    if c == p2:
                        v += w2
                key = (a, b)
                if key not in nb or v > nb[key]:
                    nb[key] = v
                    bp[key] = x
        best = nb
        back.append(bp)
    (a, b) = max(best, key=lambda key: (best[key], -key[1], -key[0]))
    path = [b]
    for k in range(n - 1, 0, -1):
        x = back[k][(a, b)]
        path.append(a)
        a, b = x, a
    path.reverse()
    return [opts[k][i][0] for k, i in enumerate(path)]
