"""An article's layout: paragraphs, sentences, and what is not story (captions, bylines, source
tags, headlines, and everything after the end mark)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from timeline.extract.lexicon import load, word_regex

BODY = "body"
CAPTION = "caption"
BYLINE = "byline"
HEADLINE = "headline"
AFTER_END = "after_end"
RELATED = "related"  # a list of other stories' headlines under the title

# A period after these does not end a sentence.
_ABBREVIATIONS = {
    "D.C",
    "DC",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Sen",
    "Lt",
    "Lieut",
    "Gen",
    "Brig",
    "Insp",
    "Comm",
    "Cmdr",
    "Sgt",
    "Rep",
    "Gov",
    "Amb",
    "Col",
    "Maj",
    "Capt",
    "Pol",
    "U.S",
    "U.K",
    "No",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Inc",
    "Co",
    "Ltd",
    "Corp",
    "H.E",
    # the honorifics of Kenyan, Nigerian, Indian and Indonesian releases ("Hon. X", "Engr. Y",
    # "Smt. Z", "Hj. W"): a name follows
    "Hon",
    "Engr",
    "Smt",
    "Hj",
    "Drs",
    "Prof",
    "Sr",
    "Jr",
    "Adm",
    "Cdr",
    "Supt",
    "TS",
    "PGS.TS",
    "GS.TS",
    "ThS",
    "TP",
    # an Indonesian state vessel's prefix ("tàu Cảnh sát biển Indonesia KN. Pulau Dana cập
    # cảng …": x-vi7 page 016, the ship's name began a sentence and the visit lost its day)
    "KN",
    "vs",
    "etc",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    role: str


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    role: str = BODY
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    """The article cut into paragraphs and sentences, each with its role."""

    text: str
    paragraphs: list[Paragraph]
    tag: tuple[int, int] | None = None  # the source tag or dateline opening the story
    end_mark: int | None = None  # offset where the story ends

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if s.role == BODY]

    def role_at(self, offset: int) -> str:
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p.role
        return AFTER_END if self.end_mark is not None and offset >= self.end_mark else BODY


@cache
def _cues() -> dict:
    return load("cues")


@cache
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    cues = _cues()
    return {
        "end": [re.compile(p) for p in cues["end_marks"]],
        "byline": [re.compile(p) for p in cues["bylines"]],
        "tag": [re.compile(p) for p in cues["source_tags"]],
        "caption": [re.compile(p, re.IGNORECASE) for p in cues["captions"]["markers"]],
    }


@cache
def _word_cues(key: str, language: str) -> re.Pattern[str]:
    return word_regex(_cues()[key][language], flags=re.IGNORECASE)


def _paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line is a paragraph; offsets exclude surrounding whitespace. A line
    wrapped by hand (the page's lines cut mid-sentence) goes on its previous line's paragraph."""
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        lines.append((start, start + len(stripped)))
    wrapped = _hard_wrapped(text, lines)
    out: list[Paragraph] = []
    for a, b in lines:
        prev = out[-1] if out else None
        if prev is not None and _goes_on(text, prev, a, wrapped):
            out[-1] = Paragraph(prev.start, b, text[prev.start : b])
        else:
            out.append(Paragraph(a, b, text[a:b]))
    return out


_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """A page whose lines are cut mid-sentence: most lines, one newline apart, end without a
    sentence's end."""
    cut = [
        (a, b)
        for (a, b), (c, _d) in pairwise(lines)
        if text[b:c].count("\n") == 1 and not _SENTENCE_END.search(text[a:b])
    ]
    return len(cut) >= 4 and len(cut) * 2 > len(lines)


def _goes_on(text: str, prev: Paragraph, at: int, wrapped: bool) -> bool:
    """Does the line at `at` go on the sentence the paragraph before it left open?"""
    if text[prev.end : at].count("\n") != 1 or _SENTENCE_END.search(prev.text):
        return False
    # "His Excellency,\nJames F. X", "Inspector-General\nof Police": cut mid-sentence
    return wrapped or prev.text.endswith(",") or text[at].islower()


# an initial or a chain of them before a surname ("J. Smith", "A.N. Venediktov"); not a
# country's dotted abbreviation, which may end a sentence ("… in the U.S. The talks …")
_INITIALS = re.compile(r"(?!(?:U\.S|U\.K|U\.N|E\.U|U\.A\.E)$)(?:[A-ZĐ]\.)*[A-ZĐ]")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Sentences of a paragraph as (start, end, text) with offsets into the article."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in re.finditer(r"([.!?]+|/\.)[\"”’»)]?(\s+|(?=[^\W\d_]{2}|[AI]\s))", text):
        after = m.end()
        if after >= len(text):
            break
        nxt = text[after]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“(*‘'-–"):
            continue
        word = re.search(r"([\w.]+)[.!?]*$", text[begin : m.start() + 1])
        token = word.group(1).rstrip(".") if word else ""
        if m.group(1) == "." and (token in _ABBREVIATIONS or _INITIALS.fullmatch(token)):
            continue
        if not m.group(2) and not _glued_end(token, text[after : after + 2]):
            continue
        spans.append((begin, m.end(2) - len(m.group(2))))
        begin = after
    spans.append((begin, len(text)))
    spans = [piece for a, b in spans for piece in _after_credit(text, a, b)]
    spans = [piece for a, b in spans for piece in _cut_long(text, a, b)]
    return [(offset + a, offset + b, text[a:b]) for a, b in spans if text[a:b].strip()]


# "… in Bangkok (Photo: VNA)Bangkok (VNA) - Deputy Minister …": a photo's credit glued to the
# story's dateline (x-people page 007: the lead told again inside the caption was a second
# meeting)
_GLUED_CREDIT = re.compile(r"\((?:Photo|Ảnh|Image)\s*:[^()]{1,60}\)(?=[A-ZĐ])")


def _after_credit(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The span cut after each photo credit glued to the next sentence."""
    pieces = []
    for m in _GLUED_CREDIT.finditer(text, a, b):
        pieces.append((a, m.end()))
        a = m.end()
    pieces.append((a, b))
    return pieces


def _glued_end(token: str, nxt: str) -> bool:
    """A page that lost the space after a full stop ("quốc tế.Chuyến thăm"): a word of two
    letters or more ends there and a capitalised word begins; not an initial ("R.Smith"), an
    acronym ("U.S.Navy") or a domain ("VnExpress.net"). ("an official said.A day earlier":
    the article "A" or the pronoun "I" begins one too.) A number (a day) or a word in capitals
    may end it as well."""
    last = token.rsplit(".", 1)[-1]
    begins = nxt[1].islower() or (nxt[0] in "AI" and nxt[1] == " ")
    if not (nxt[0].isupper() and begins):
        return False
    # "in Hanoi on March 4.Minister Tran …", "said the VNA.The talks …": a day's number or a
    # capitalised word of its own (not a dotted chain: "GS.TSKH.Nguyễn") ends one too
    if "." not in token and (re.fullmatch(r"\d{1,4}", token) or _CAPITALS.fullmatch(token)):
        return True
    return len(last) >= 2 and last[-1].islower()


# a word in capitals ending a glued sentence ("VNA", "ASEAN"), not a title before a name
_CAPITALS = re.compile(r"(?!(?:TSKH|BS|KS|CN|GS|PGS|NGƯT|NSND|NSƯT)$)[A-ZĐ]{2,}")


# The longest sentence of the fixtures, seeds and development articles is 478 characters. A run
# longer than this without a sentence end is no prose (a page without punctuation, a dump), and
# the per-sentence passes are quadratic in a sentence's length (320 KB in one sentence: 9 s; cut
# here, 0.6 s): it is cut at the last space before the limit.
MAX_SENTENCE = 2000


def _cut_long(text: str, a: int, b: int) -> list[tuple[int, int]]:
    pieces = []
    while b - a > MAX_SENTENCE:
        space = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        if space < 0:
            pieces.append((a, a + MAX_SENTENCE))
            a += MAX_SENTENCE
        else:
            pieces.append((a, space))
            a = space + 1
    pieces.append((a, b))
    return pieces


# how many paragraphs into the page a wire's dateline may still open the story
_WIRE_TAG_REACH = 4


def _strip_tag(p: Paragraph, *, wire: bool = False) -> tuple[int, int] | None:
    """The source tag or dateline opening the paragraph; with `wire`, only a dateline naming
    its agency in parentheses ("CITY, Month Day (Agency) --")."""
    for pattern in _patterns()["tag"]:
        if wire and not re.search(r"\\\(\(\?:[A-Z]", pattern.pattern):
            continue
        m = pattern.match(p.text)
        if m and m.end() < len(p.text) and len(p.text) - m.end() > 40:
            return (p.start + m.start(), p.start + m.end())
    return None


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


_DATED_LEAD = re.compile(
    r"(?:(?:Sáng|Chiều|Tối|Trưa|Đêm)(?: ngày)?|Ngày|Hôm nay|Hôm qua|Cùng ngày|Trước đó|"
    r"Tiếp đó|Sau đó)\s*(?:\d|,|\s)|(?:On|Earlier|Later|Last|This|Next) (?:\w+ )?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|day|week|month)\b,?"
)


def _is_caption(p: Paragraph, language: str, first: bool) -> bool:
    """A photo caption: a credit marker, a caption opener, or (past the lead) one short line
    with no tense word and no connective, the way captions are written."""
    if any(pat.search(p.text) for pat in _patterns()["caption"]):
        return True
    openers = _cues()["captions"]["openers"]
    if any(p.text.startswith(o) for o in openers):
        return True
    if first:
        return False
    sentences = split_sentences(p.text)
    if len(sentences) != 1 or p.text.endswith(":"):
        return False
    limit = 30 if language == "vi" else 22
    if _words(p.text) > limit:
        return False
    connective = _cues()["connectives"][language]
    if any(re.match(rf"{re.escape(c)}\b", p.text) for c in connective):
        return False
    # who attended is told in a line of its own ("Cùng dự có …", "Also attending were …")
    # ("Tham gia các hoạt động của đoàn có Đại sứ … - X": who joined a delegation's programme)
    attending = (
        "Tham dự",
        "Cùng dự",
        "Cùng tham dự",
        "Dự buổi",
        "Tham gia",
        "Cùng tham gia",
        "Also attending",
        "Attending",
    )
    if p.text.startswith(("*", "-", "•", *attending)) or p.text.endswith("/."):
        return False
    if _DATED_LEAD.match(p.text):
        return False  # "Ngày 19/9, tại Osaka, …", "On Monday, …": a news sentence, not a caption
    if _word_cues("reporting_verbs", language).search(p.text):
        return False
    if language == "en" and re.search(r"\b[a-z]{3,}ed\b", p.text):
        return False  # a past tense: a caption says what is in the picture, in the present
    return not _word_cues("tense", language).search(p.text)


def _above_date_line(paragraphs: list[Paragraph], i: int) -> bool:
    """ "Justice / Romanian minister meets FBI head / 18 February 2026 / Romania's …": the line
    right above the page's date line, below only headlines (a section's name, a notice), is the
    title, not the lead."""
    if i == 0 or i + 1 >= len(paragraphs):
        return False
    if any(q.role != HEADLINE for q in paragraphs[:i]):
        return False
    return any(pat.search(paragraphs[i + 1].text) for pat in _patterns()["byline"])


def _is_headline(p: Paragraph, first: bool) -> bool:
    # "X tiếp Y. Ảnh: Z - TTXVN" opening a page cut from its article: a photo's caption with
    # its credit, not the headline (the credit after a sentence's end says so, or after a
    # dash: "X tiếp Y - Ảnh: VGP/Z |")
    credited = re.search(r"(?:[.!?]|\s[-–])\s+" + _CREDIT.pattern, p.text)
    return first and not credited and not re.search(r"[.!?:;”\"]$", p.text) and _words(p.text) <= 30


def segment(text: str, language: str) -> Layout:
    """Cut an article into paragraphs and sentences and give each its role."""
    paragraphs = _paragraphs(text)
    layout = Layout(text, paragraphs)
    ended = False
    lead_seen = after_credit = False
    related = _related_headlines(paragraphs)
    for i, p in enumerate(paragraphs):
        if ended:
            p.role = AFTER_END
        elif i in related and not lead_seen:
            p.role = RELATED
        elif any(pat.search(p.text) for pat in _patterns()["end"][1:]):
            # a "Related:" line or an end line: it and everything after are not the story
            p.role = AFTER_END
            ended = True
            layout.end_mark = p.start
        elif any(pat.search(p.text) for pat in _patterns()["byline"]):
            p.role = BYLINE
        elif not lead_seen and _is_headline(
            # (a picture's caption may stand above the headline, as on a tag page's item:
            # "Quang cảnh Đối thoại … tại Canada." then "Đối thoại … lần thứ 2")
            # (a section's name or a site's notice may stand above it too: the title is then
            # the line right above the page's date line, x-en6)
            p,
            first=(all(q.role in (BYLINE, CAPTION) for q in paragraphs[:i]) and len(paragraphs) > 1)
            or _above_date_line(paragraphs, i),
        ):
            p.role = HEADLINE
        elif _is_caption(p, language, first=not lead_seen):
            p.role = CAPTION
        else:
            p.role = BODY
        if not ended and _patterns()["end"][0].search(p.text):
            # "/." or "(hết)" closing a paragraph, a byline or a caption: the story ends here
            ended = True
            layout.end_mark = p.end
        start, body = p.start, p.text
        if p.role == BODY and (not lead_seen or after_credit):
            # a credit line first ("Web Desk"): the dateline may open the next body paragraph
            # (so may a title read as body, followed by its byline: "Title\n\nA. Khan
            # Published …\n\nANKARA, (Outlet) :…")
            credit = (
                bool(_CREDIT_LINE.fullmatch(p.text.strip()))
                or _TITLE_LINE.fullmatch(p.text.strip()) is not None
            )
            after_credit = (not lead_seen or after_credit) and credit
            lead_seen = True
            tag = _strip_tag(p)
            if tag:
                layout.tag = tag
                start, body = tag[1], text[tag[1] : p.end]
        elif p.role == BODY and layout.tag is None and i <= _WIRE_TAG_REACH:
            # "BEIJING, Sept. 8 (Xinhua) -- …" after a page's time stamp line and a photo's
            # caption read as body: a wire's dateline, naming its agency, still opens the story
            tag = _strip_tag(p, wire=True)
            if tag:
                layout.tag = tag
                start, body = tag[1], text[tag[1] : p.end]
        p.sentences = [
            Sentence(a, b, s, i, BYLINE if _CREDIT.match(s) else p.role)
            for a0, b0, s0 in split_sentences(body, offset=start)
            for a, b, s in _credit_apart(a0, b0, s0)
        ]
    _author_last(paragraphs)
    return layout


# "- A, B hold 7th defence dialogue": a bulleted headline, capitalised, no sentence's end
_BULLETED_TITLE = re.compile(r"[-–•]\s+[A-ZĐÀ-Ỹ][^\n]*(?<![.!?:;”\"])")


def _related_headlines(paragraphs: list[Paragraph]) -> set[int]:
    """The paragraphs of a list of other stories' headlines, two or more bulleted title lines
    in a row (a site's "related news" under the title, x-en6): no sentence of the story, so
    no engagement of the page is drafted from them."""
    out: set[int] = set()
    run: list[int] = []
    for i, p in enumerate([*paragraphs, None]):
        item = p is not None and _BULLETED_TITLE.fullmatch(p.text.strip()) is not None
        if item and _words(p.text) <= 20:
            run.append(i)
            continue
        if len(run) >= 2:
            out.update(run)
        run = []
    return out


# "Nguyễn Hoàng", "Thien Huong": the writer's name alone on the page's last line
_AUTHOR_LINE = re.compile(r"[A-ZÀ-ỸĐ][^\W\d_]*(?:\s+[A-ZÀ-ỸĐ][^\W\d_]*){1,3}")


def _author_last(paragraphs: list[Paragraph]) -> None:
    """The last paragraph, a name of two to four words and nothing else, is the author's
    byline, not a person of the story (x-fields5: a page's author joined its meeting)."""
    last = paragraphs[-1] if len(paragraphs) > 2 else None
    if last is None or last.role not in (BODY, CAPTION) or not _AUTHOR_LINE.fullmatch(last.text):
        return
    last.role = BYLINE
    last.sentences = [Sentence(x.start, x.end, x.text, x.paragraph, BYLINE) for x in last.sentences]


# "X tiếp Y - Ảnh: VGP/Z |": a photo's credit after a dash, inside the caption's sentence
_DASHED_CREDIT = re.compile(r"\s[-–]\s+(?=(?:Ảnh|Photo|Nguồn ảnh|Image)\s*:)")


def _credit_apart(a: int, b: int, s: str) -> list[tuple[int, int, str]]:
    """The sentence, and the photo's credit after its dash as one of its own (whose name
    is the photographer's, not one who took part; x-fields5)."""
    m = _DASHED_CREDIT.search(s)
    if m is None or m.start() == 0:
        return [(a, b, s)]
    return [(a, a + m.start(), s[: m.start()]), (a + m.end(), b, s[m.end() :])]


# "Web Desk", "Staff Reporter", "By A. Khan": a credit of up to three words on a line of its
# own before the lead, which does not hide the lead's dateline ("BEIJING: …")
# (or the dashes and "By:" of a page's byline block: "-", "- A. Khan")
_CREDIT_LINE = re.compile(
    r"[-–—•|]+|(?:[-–—•|]\s*)?(?:By:?\s*)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}|By:?"
)


# a title's line: capitalised words (and commas), no sentence's end, at most sixteen words
_TITLE_LINE = re.compile(r"[A-Z][\w'’-]*,?(?:\s+[\w'’-]+,?){1,15}")


# "… làm việc với bà X tại FBI. Ảnh: Kiều Trang, PVTTXVN tại Washington D.C": the photo's credit
# closing a caption names the photographer and where they work, not who took part
_CREDIT = re.compile(r"\(?(?:Ảnh|Photo|Nguồn ảnh|Image|Video|Clip)\s*:")
