"""Vietnamese: how news in Vietnamese writes trips, meetings and the names of dialogues."""

from __future__ import annotations

import re

from timeline.extract.languages.base import Lexicons, countries_of, in_sentence, pair_in_name
from timeline.extract.model import DialogueMention, SentenceInfo

# (and Roman numerals, as some outlets number sessions: "lần thứ II", "lần thứ XIV")
_ORDINAL = (
    r"\d+|mười (?:một|hai|ba|bốn|lăm)|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|"
    r"(?-i:[IVXL]+)(?![\w.]\w)"
)
# a numbered conference ("Hội nghị … lần thứ 11") is a session of a series like a dialogue, but
# recorded as a meeting; unnumbered, these words name anything
_CONFERENCE = r"Hội nghị|Phiên họp|Kỳ họp"
LETTERS = frozenset(
    "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "ĂÂĐÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
)
_NAME_STOP = re.compile(
    r"[,.;:()]|\s(?:đã|được|diễn ra|do|có|tại|hồi|cũng|đến|theo|giữa|nhằm|với|là|sẽ|thực sự|"
    r"hai [Bb]ên|cho|trong|từ|vào|ngày|tháng|nay|tới|thành công|kết thúc|dự kiến|nhằm|và các)(?!\w)"
)


def _conference_session(text: str, at: int, limit: int) -> re.Match[str] | None:
    """ "lần thứ N" ("lần N", "lần hai") closing a conference's name, which may hold commas
    ("phòng, chống")."""
    stop = re.compile(r"[.;]|\s(?:với|tại|do|đã|sẽ|được|diễn ra)(?!\w)")
    end = stop.search(text, at, limit)
    window_end = min(end.start() if end else limit, at + 160)
    return re.compile(rf"\blần(?: thứ)?\s+({_ORDINAL})\b(?!\s+\d)").search(text, at, window_end)


def _body_after_session(text: str, m: re.Match[str], end: int, limit: int) -> int:
    """ "Phiên họp lần thứ 5 của Nhóm công tác chung …": the session's name goes on with the
    standing body whose session it is (so the record can tell it a standing mechanism's)."""
    if m.group().lower() not in ("phiên họp", "kỳ họp"):
        return end
    body = _SESSION_BODY.match(text, end, limit)
    if body is None:
        return end
    stop = _NAME_STOP.search(text, body.end(), limit)
    return stop.start() if stop else limit


def _tidy_core(core: str) -> str:
    """A series' name without its dashes and spaces at the ends, nor the `của` of "Phiên họp lần
    thứ 5 của Nhóm …" (the body whose session it is)."""
    core = re.sub(r"\s*[-–]\s*$|^\s*[-–]\s*|^\s*của\s+", "", re.sub(r"\s+", " ", core))
    return core.strip(" -–")


_SESSION_BODY = re.compile(r"\s+(?:của\s+)?(?:Nhóm|Ủy ban|Uỷ ban|Tiểu ban)\b")


# "Hội nghị … các tỉnh biên giới A - B do X và Y đồng chủ trì": two sides co-chair it
_CO_CHAIRED = re.compile(r"\s(?:do|được)\s[^.;]{0,200}?đồng chủ trì(?!\w)")


def _co_chaired_between_two(
    text: str, m: re.Match[str], end: int, limit: int, countries: list
) -> bool:
    """An unnumbered `Hội nghị` (capitalised) whose name holds two countries and which the
    sentence says two persons co-chaired (`do … đồng chủ trì`): a session of the two sides'
    mechanism, like a numbered one."""
    if not m.group().startswith("Hội nghị"):
        return False
    named = {c.key for c in countries if m.end() <= c.start < end}
    return len(named) == 2 and _CO_CHAIRED.match(text, end, limit) is not None


# "Cuộc họp hai đồng Chủ tịch Ủy ban liên hợp biên giới A - B", "Phiên họp Ủy ban hỗn hợp
# …": a meeting of two countries' joint commission, a session of their standing mechanism
# whether numbered or not (the twelfth round's border commission page drafted nothing)
# ("Ủy ban Biên giới chung (GBC)", "Ủy ban Biên giới khu vực (RBC)": the border committees
# Thailand holds with each neighbour; "cuộc đàm phán cấp thư ký của Ủy ban Biên giới Chung …
# giữa Thái Lan và Campuchia", "cuộc gặp bất thường Ủy ban Biên giới khu vực": x-world7 pages
# 002 and 003 drafted a meeting with no one in it, or none)
_JOINT_COMMISSION = (
    r"(?:Ủy|Uỷ) ban (?:liên hợp|hỗn hợp|liên chính phủ|[Bb]iên giới (?:[Cc]hung|[Kk]hu vực))"
)
_JOINT_MEETING = (
    r"(?:Cuộc họp|[Cc]uộc (?:đàm phán|gặp))"
    rf"(?=(?:\s+[\w-]+){{0,4}}?\s+(?:của\s+)?{_JOINT_COMMISSION})"
)


def _joint_commission_of_two(text: str, m: re.Match[str], end: int, countries: list) -> bool:
    """A meeting noun whose name holds a joint commission and two countries."""
    if not re.search(_JOINT_COMMISSION, text[m.end() : end]):
        return False
    # ("… của Ủy ban Biên giới Chung (GBC) giữa Thái Lan và Campuchia": the pair after the name)
    pair = _PAIR_AFTER.match(text, end)
    last = pair.end() if pair else end
    return len({c.key for c in countries if m.end() <= c.start < last}) == 2


def _series_pair(
    text: str, start: int, end: int, pair: list, bilateral: list, countries: list
) -> list:
    """The series' two countries: in its name, of its two co-chairs or agencies, or after it."""
    return pair_in_name(text, start, pair) or bilateral or _pair_after(text, end, countries)


def _pair_after(text: str, end: int, countries: list) -> list:
    """The two countries of "… Ủy ban Biên giới Chung (GBC) giữa Thái Lan và Campuchia", named
    after a standing body's name (none unless exactly two)."""
    pair = _PAIR_AFTER.match(text, end)
    if pair is None or not re.search(_JOINT_COMMISSION, text[max(0, end - 60) : end]):
        return []
    first: dict[str, object] = {}
    for c in countries:
        if pair.start() <= c.start < pair.end():
            first.setdefault(c.key, c)
    return list(first.items()) if len(first) == 2 else []


_PAIR_AFTER = re.compile(
    r"(?:\s*\([^()]{1,12}\))?\s+giữa\s+[^.;,]{3,80}?\s+(?:và|với)\s+[^.;,\s]+(?:\s+[A-ZĐ][^.;,\s]*)*"
)


def _of_two_sides(text: str, m: re.Match[str], end: int, info: SentenceInfo) -> bool:
    """An unnumbered conference or meeting of two countries' co-chairs, joint commission or
    agencies."""
    countries = countries_of(info)
    return (
        _co_chaired_between_two(text, m, end, info.sentence.end, countries)
        or _joint_commission_of_two(text, m, end, countries)
        or len(_agencies_between(text, m, end, info)) == 2
    )


# "Hội nghị hợp tác về nghiệp vụ hải quan giữa Chi cục A và Cục B tỉnh C (Campuchia)": the
# conference of two agencies of two countries, named after "giữa" right after its name (its
# field may come first: "Hội nghị hợp tác về nghiệp vụ hải quan giữa …")
_BETWEEN = re.compile(r"(?:\s+[^\W\d_]+){0,6}?\s+giữa\s")


def _agencies_between(text: str, m: re.Match[str], end: int, info: SentenceInfo) -> list:
    """A capitalised `Hội nghị` whose name runs on to `giữa` and agencies of two countries:
    the first agency of each, as the conference's pair (none unless exactly two)."""
    between = _BETWEEN.match(text, end)
    if not m.group().startswith("Hội nghị") or between is None:
        return []
    stop = text.find(".", between.end(), info.sentence.end)
    stop = info.sentence.end if stop < 0 else stop
    first: dict[str, object] = {}
    for o in info.orgs:
        if between.end() <= o.start < stop and o.country:
            first.setdefault(o.country, o)
    if not first:
        # ("Hội nghị … giữa Quân khu 1 (Lào) và Quân khu 3 (Myanmar)": two units the gazetteer
        # does not know, each with its country in brackets, x-world7 page 002)
        for c in countries_of(info):
            if between.end() <= c.start < stop and text[c.start - 1] == "(":
                first.setdefault(c.key, c)
    return list(first.items()) if len(first) == 2 else []


# what names a dialogue or a series' session ("dự hội nghị liên ngành lần thứ 7": written in
# lower case, a numbered session)
_SERIES_NOUNS = (
    rf"Đối thoại|{_CONFERENCE}|{_JOINT_MEETING}|hội nghị(?=[^.;]{{0,80}}?\blần thứ|\s*[.,;])|"
    # ("phiên họp lần thứ 5 của Nhóm công tác chung …": a numbered session in lower case)
    r"(?:phiên|kỳ) họp(?=\s+lần thứ\s+\w+\s+(?:của\s+)?(?:Nhóm|Ủy ban|Uỷ ban|Tiểu ban))"
)


# "đồng chủ trì Hội nghị song phương": the two sides' conference, its name saying only that
_CO_CHAIRS = re.compile(r"(?<!\w)đồng chủ trì\s+$")


def _bilateral_co_chaired(text: str, start: int, m: re.Match[str], countries: list) -> list:
    """ "Đoàn … Việt Nam … đã chào xã giao … Indonesia và đồng chủ trì Hội nghị song phương":
    an unnamed bilateral conference the delegation co-chaired is a session of the two
    countries' mechanism, the two the sentence names (r11 of x-recall2's pages)."""
    if not (
        m.group() == "Hội nghị"
        and re.match(r"\s+song phương(?!\w)", text[m.end() :])
        and _CO_CHAIRS.search(text, max(start, m.start() - 20), m.start())
    ):
        return []
    first: dict[str, object] = {}
    for c in countries:
        first.setdefault(c.key, c)
    return list(first.items()) if len(first) == 2 else []


# the capital letters of Vietnamese (A-Z and the accented ones)
_UPPER = "".join(
    c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha() and c not in "[]^\\-"
)


class Vietnamese(Lexicons):
    code = "vi"
    name = "Vietnamese"
    visit = re.compile(
        r"(?<!\w)(?:chuyến (?:thăm|công tác)(?: và làm việc| chính thức| làm việc| hữu nghị)?|"
        r"(?:sang |đến |tới )?thăm(?: và|,)? làm việc|"
        r"(?:sang |đến |tới )?thăm (?:chính thức|hữu nghị)|"
        r"sang thăm|"
        r"đến thăm|tới thăm|thăm|"
        # "Đoàn … do X làm trưởng đoàn, sang Việt Nam …": a delegation crossing to a country
        # (passes/engagements.py keeps it only then)
        r"(?<=đã )sang|(?<=, )sang|(?<=đã )tới|(?<=đã )đến)(?!\w)(?:\s+(?:tại|ở|đến|tới|sang))?"
    )
    meet = re.compile(
        # "trong cuộc hội đàm chính thức với Bộ trưởng …": the talks with whom they were held
        # ("Hội đàm thường niên với …": capitalised mid-sentence, annual talks with whom)
        r"(?<!\w)(?:[Hh]ội đàm (?:trực tuyến|chính thức|song phương|cấp cao|thường niên|định kỳ) "
        # ("hội đàm thường niên lần thứ XI với": its edition before whom it was with)
        r"(?:lần thứ [\dIVXLC]+ )?với|[Hh]ội đàm với|"
        r"hội đàm|(?<=diễn ra )Hội đàm|hội kiến|diện kiến|"
        # "yết kiến Quốc vương …": an audience with a monarch, the subject its guest
        r"yết kiến|tiếp xã giao|"
        # "tại Bộ Tư pháp đã diễn ra buổi tiếp đón thân mật Đoàn …": a reception told by its
        # noun, the delegation received after it (x-fields5)
        r"(?<=diễn ra )buổi tiếp(?: đón)?(?: thân mật| chính thức| xã giao)?|"
        r"tiếp thân mật|"
        # "Đại tướng A chủ trì lễ đón Thiếu tướng B, …": the welcome ceremony opens the talks
        # that follow it, one reception of B (its talks often told only as "cuộc hội đàm")
        r"chủ trì [Ll]ễ đón(?: chính thức)?|"
        # "X đã đón tiếp Đoàn Y": a reception (not "sự đón tiếp", a welcome thanked for, nor
        # one at the airport: passes/engagements.py)
        r"(?<=đã )đón tiếp|"
        r"đã tiếp|(?<!đón )tiếp(?!\s+(?:tục|cận|nhận|theo|xúc|đón|thu|sức|tế|giáp|nối|diễn|quản|"
        r"đến|tới|đó|"
        r"cũng|sau))|(?:thăm,?\s+(?:và\s+)?)?làm việc với|"
        # "đoàn đã thăm và làm việc tại Công an thành phố A": a session at the agency (a place
        # after "tại" is no one met, and drafts nothing)
        r"(?:thăm,?\s+(?:và\s+)?)?làm việc tại|(?:có|tổ chức) (?:các |những |)?"
        r"(?:buổi|cuộc) (?:làm việc|gặp|họp|hội đàm|tiếp xúc|gặp gỡ)"
        # ("đã có cuộc gặp song phương với": on the sidelines of a conference, a meeting)
        r"(?: riêng| trực tuyến| song phương)? với|"
        # "đã có buổi làm việc tại Cơ quan Quản lý Trại giam Hoa Kỳ": a session at an agency
        r"(?:có|tổ chức) (?:các |những |)?buổi làm việc tại|"
        # "Gặp gỡ cán bộ, nhân viên Đại sứ quán …, Thứ trưởng X …": a sentence opening on it
        r"họp trực tuyến với|trao đổi trực tuyến với|"
        # "Đồn Biên phòng A tổ chức giao ban định kỳ với Đại đội Biên phòng B (Lào)": two border
        # units' periodic liaison meeting
        r"giao ban(?: định kỳ| thường kỳ)? với|"
        # "tọa đàm với đồng chí X về …": a discussion session with whom (not a seminar named
        # alone, "tổ chức tọa đàm")
        r"(?:[Tt]ọa|[Tt]oạ) đàm với|"
        # "đã gặp mặt, trao đổi với Ty An ninh tỉnh A": one meeting, its object after both verbs
        r"[Gg]ặp (?:mặt|gỡ),?\s+(?:và\s+)?trao đổi với|[Gg]ặp gỡ|[Gg]ặp mặt|gặp|điện đàm với|"
        r"điện đàm|thăm xã giao|"
        r"chào xã giao|"
        # a courtesy call: "đã đến chào Thủ tướng Lào", "tới chào xã giao"
        r"(?:đến|tới) chào(?: xã giao)?|"
        # "…; chào Chủ nhiệm Ủy ban …", "chào Bộ trưởng X": a courtesy call told by "chào" and
        # the office called on (not "chào mừng", "chào đón", a welcome)
        r"chào(?=\s+(?:(?:ngài|ông|bà|đồng chí)\s+)?(?:[Pp]hó\s+)?(?:[Cc]hủ nhiệm|[Cc]hủ tịch|"
        r"[Bb]ộ trưởng|[Tt]hứ trưởng|[Tt]hủ tướng|[Đđ]ại sứ|[Tt]ổng [Tt]ư lệnh|[Tt]ư lệnh|"
        r"[Vv]iện trưởng|[Cc]hánh án|[Tt]ổng [Cc]ục trưởng|[Tt]ổng [Tt]hư ký|[Tt]ỉnh trưởng|"
        r"[Bb]í thư|lãnh đạo)(?!\w))|"
        r"thăm)(?!\w)"
    )
    object_end = re.compile(
        # "… Mạnh Kiến Trụ; Bộ trưởng Bộ Công an Quách Thanh Côn và …": the list of people met
        # goes on past a semicolon followed by a capitalised title or name
        rf"[.:]|;(?!\s+(?:và\s+)?[{_UPPER}])|"
        r"\s(?:nhằm|để|về việc|nhân dịp|trong khuôn khổ|bàn về|trao đổi về|thảo luận|"
        r"hai bên|đánh giá|cảm ơn|khẳng định)(?!\w)|"
        # "tiếp Bộ trưởng A … theo lời mời của Bộ trưởng B": B invited A, B is not met there
        r",?\s(?:theo|nhận|nhận lời)\s+lời mời(?!\w)|"
        # "chào xã giao ông A và cùng ông B đồng chủ trì …": "và cùng" opens the next verb's
        # clause, whose subject is the one who met A
        r",?\s(?:và|rồi)\s+cùng(?!\w)|"
        # "gặp A và hội đàm với B": the next verb ends the list met (two meetings)
        r",?\s(?:và|rồi)\s+(?:đã\s+)?(?:hội đàm|hội kiến|làm việc|tiếp)\s+với(?!\w)|"
        # "chào xã giao Bộ trưởng A và thăm Đại sứ quán Việt Nam": a visit of its own
        r",?\s(?:và|rồi)\s+(?:đã\s+)?(?:đến\s+|tới\s+)?thăm(?:,?\s+(?:và\s+)?làm việc)?(?:\s+tại)?"
        r"\s+(?=Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán)"
    )

    # "tiếp" receives a guest; "tiếp tục", "tiếp nhận", "đón tiếp" do not
    host_verb = re.compile(
        r"(?<!\w)(?:đã tiếp|tiếp xã giao|tiếp thân mật|(?<=đã )đón tiếp|chủ trì [Ll]ễ đón|"
        r"(?<!đón )[Tt]iếp(?!\s+(?:tục|cận|nhận|theo|xúc|đón|thu|sức|tế|giáp|nối|diễn|quản|đến|tới|"
        r"đó|cũng|sau)))(?!\w)"
    )

    # Vietnamese news repeats the name or the title ("Thứ trưởng cho biết"), but a sentence may
    # open on "Ông"/"Bà" for the last one named, before a verb ("Ông cũng đã tiếp …")
    subject_pronoun = re.compile(
        r"(?:(?<=^)|(?<=\n)|(?<=[.,]\s))(?:Ông|Bà)"
        r"(?=\s+(?:cũng|đã|còn|tiếp|hội đàm|gặp|làm việc|chào|thăm)(?!\w))"
    )
    # "Làm việc với Phó Thủ tướng Belarus X, Bộ trưởng Y bày tỏ …": the session told first,
    # the one met in it, then the clause's subject (the other side)
    # ("Trao đổi với Đại sứ Trung Quốc Hùng Ba, Thượng tướng A gửi lời chia buồn …": the same
    # opening on "exchanging views with"; x-vi7 page 005 drafted nothing. A reporter it opens
    # on, "Trao đổi với PV, …", is no foreign side, and the two sides must be one of each)
    opening_participle = re.compile(r"(?:Làm việc|Hội đàm|Gặp gỡ|Tiếp xúc|Trao đổi)\s+với\s+")
    here = re.compile(r"(?<!\w)tại đây(?!\w)")

    def likelihood(self, text: str) -> float:
        """Vietnamese letters are common: more than 3 in 100 letters (English pages quoting a
        Vietnamese name stay well below)."""
        letters = [c for c in text if c.isalpha()]
        share = sum(1 for c in letters if c in LETTERS) / len(letters) if letters else 0.0
        return 1.0 if share > 0.03 else 0.0

    def title_reference(self, titles: str) -> re.Pattern[str]:
        # "Thứ trưởng cho biết", not "Thứ trưởng của Lào" (someone else's office) nor the
        # deputy's "Phó Cục trưởng" (a longer title of the lexicon, matched first)
        return re.compile(rf"(?<!\w)(?<!Phó )({titles})(?!\w)(?!\s+(?:của|nước|phụ trách|các)\b)")

    def series_names(self, text: str, info: SentenceInfo) -> list[DialogueMention]:
        s = info.sentence
        out: list[DialogueMention] = []
        countries = countries_of(info)
        named = _SERIES_NOUNS
        for m in in_sentence(named, text, info):
            noun = "dialogue" if m.group() == "Đối thoại" else "conference"
            stop = _NAME_STOP.search(text, m.end(), s.end)
            end = stop.start() if stop else s.end
            bilateral: list = []
            if noun == "conference":
                numbered = _conference_session(text, m.end(), s.end)
                if numbered is None and _of_two_sides(text, m, end, info):
                    numbered = m  # two countries' co-chairs or joint commission, unnumbered
                    end = m.end() + len(text[m.end() : end].rstrip())
                bilateral = _bilateral_co_chaired(text, s.start, m, countries) or (
                    _agencies_between(text, m, end, info) if numbered is m else []
                )
                if numbered is None and bilateral:
                    numbered, end = m, m.end() + len(" song phương")
                if numbered is None:
                    if re.match(r"\s*(?:[.,;]|$)", text[m.end() : m.end() + 2]):
                        # "khai mạc Hội nghị.": the conference already told
                        out.append(
                            DialogueMention(
                                (m.start(), m.end(), m.group()), "", [], None, None, False, noun
                            )
                        )
                    continue
                end = max(end, numbered.end()) if numbered is m else numbered.end()
                end = _body_after_session(text, m, end, s.end)
            window = text[m.end() : end]
            session, session_span = None, None
            sm = re.search(rf"\blần(?: thứ)?\s+({_ORDINAL})\b(?!\s+\d)", window)
            if sm is None:
                after = re.match(rf"\s+lần(?: thứ)?\s+({_ORDINAL})\b(?!\s+\d)", text[end : s.end])
                if after:
                    sm = after
                    session_span = (
                        end + after.start() + 1,
                        end + after.end(),
                        after.group().strip(),
                    )
            if sm is not None and session_span is None:
                a = m.end() + sm.start()
                session_span = (a, m.end() + sm.end(), sm.group())
            if sm is not None:
                session = self.session_number(sm.group(1))
            pair = [
                (c.key, c)
                for c in countries
                if m.end() <= c.start < max(end, session_span[1] if session_span else end) + 40
                and c.start < s.end
            ]
            pair = _series_pair(text, m.end(), end, pair, bilateral, countries)
            core = window
            if sm is not None and session_span and session_span[0] < end:
                core = core.replace(sm.group(), " ")
            for _, c in pair:
                core = core.replace(c.text, " ")
            core = _tidy_core(core)
            last = max(
                [end] + [c.end for _, c in pair] + ([session_span[1]] if session_span else [])
            )
            mechanism = bool(re.search(r"(?:cơ chế|khuôn khổ)\s*$", text[s.start : m.start()]))
            while last > m.end() and text[last - 1].isspace():
                last -= 1
            out.append(
                DialogueMention(
                    (m.start(), last, text[m.start() : last]),
                    core,
                    pair,
                    session,
                    session_span,
                    mechanism,
                    noun,
                )
            )
        floor = s.start
        return [d for d in out if not _SETTING.search(text, max(floor, d.span[0] - 20), d.span[0])]


# "hội đàm bên lề Đối thoại Shangri-La lần thứ 18": the event is only where the talks were held,
# not a session of the two sides (as `_SETTING` of the English module)
_SETTING = re.compile(r"(?<!\w)[Bb]ên lề\s+(?:của\s+)?$")

VIETNAMESE = Vietnamese()
