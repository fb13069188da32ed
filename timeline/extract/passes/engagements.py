"""Finding engagements: which sentences report a dialogue or numbered conference, a trip, a
meeting or an embassy visit, and which sentences go on telling one already found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from timeline.extract import languages
from timeline.extract.gazetteer import CITY, COUNTRY, ORG, Mention, country_aliases
from timeline.extract.languages import Language
from timeline.extract.lexicon import cues, word_regex
from timeline.extract.model import (
    DialogueMention,
    Engagement,
    Participation,
    SentenceInfo,
    Span,
    another_time,
    counterpart_key,
    span_of,
)
from timeline.extract.passes.greetings import greeting_visits
from timeline.extract.passes.nesting import ALSO
from timeline.extract.passes.objects import (
    counterparts,
    delegation_of_country,
    met_together,
    noun_phrase,
    noun_usage,
    officials_of_country,
)
from timeline.extract.passes.participants import PARTICIPATION_OF, add_participants
from timeline.extract.passes.reciprocal import (
    agencies_as_subjects,
    agencies_between,
    reciprocal_meetings,
    signed_between,
    signed_by,
    signed_jointly,
    signed_with,
    unnamed_counterparts,
)
from timeline.extract.passes.series import (
    dialogue_mentions,
    international,
    new_series_session,
    same_core,
)
from timeline.extract.people import Person, PersonMention
from timeline.extract.segment import BODY, CAPTION

_REMOTE_BEFORE = re.compile(r"\b(?:online|video|virtual|phone|telephone)\s+$", re.I)
_REMOTE_AFTER = re.compile(
    r"\b(?:via|by|over)\s+(?:a\s+|the\s+)?(?:video\s*(?:link|conference|call)|"
    r"videoconference|teleconference|(?:tele)?phone)\b",
    re.I,
)
_REMOTE = re.compile(r"điện đàm|trực tuyến|phone|video|(?<!courtesy )\bcall\b|online", re.I)


_LED_BY = re.compile(r"\s*(?:led by|headed by|do)\s+(?:[\w.]+\s+){0,3}?")
# ("a visit to Vietnam between 7 and 9 October" is a trip: its dates follow "between")
_EXCHANGED = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:giữa|between)\s+(?:(?:các\s+)?(?:lãnh đạo|leaders)|hai\s|"
    r"the\s+(?:two|leaders))"
)
# "sang thăm và hội đàm với", "sang thăm, làm việc với": the trip's words, then a
# session's verb and whom it was with
_THEN_MET = re.compile(
    r"\s*(?:,|và)\s*(?:(?:[Hh]ội đàm|làm việc|hội kiến|gặp gỡ|gặp|chào xã giao|"
    # ("đến thăm chính thức và trao đổi hợp tác với Tòa án tỉnh B": the exchange is the talks)
    r"trao đổi (?:hợp tác|kinh nghiệm|nghiệp vụ))"
    # ("Hội đàm thường niên lần thứ XI với": the edition between the talks and whom)
    r"(?:\s+(?:thường niên|định kỳ|song phương)(?:\s+lần thứ\s+[\dIVXLC]+)?)?\s+với"
    r"|chúc Tết|chúc mừng)\s+"
    r"(?:(?:lãnh đạo|đại diện)\s+)?"
)
_ARRIVAL = frozenset({"sang", "tới", "đến"})
# "triển khai một phái đoàn gồm 12 sỹ quan … tham gia cùng lực lượng Cảnh sát …": a delegation
# deployed to work beside another country's agency
_DEPLOYED = re.compile(
    r"(?<!\w)triển khai\s+(?:một\s+|các\s+)?(?:phái\s+)?đoàn(?!\w)[^.;]{0,200}?"
    r"(?:tham gia cùng|làm việc cùng|phối hợp cùng|sát cánh cùng)\s+(?:(?:các\s+)?lực lượng\s+)?"
)
# a delegation is the clause's subject: "Đoàn …", "đoàn đại biểu …" before the verb, no full stop
# "hai Đoàn đại biểu đã tiến hành hội đàm", "hai bên đã có buổi làm việc": the two delegations'
# talks, their sides named by neither (not "Tại buổi hội đàm, hai bên …", talks told again)
_DELEGATIONS_TALK = re.compile(
    r"(?<!\w)[Hh]ai (?:[Đđ]oàn(?: đại biểu| công tác)?|bên)\s+(?:(?:đã|cũng|đã cùng)\s+)?"
    r"(?:tiến hành\s+|(?:có|tổ chức)\s+(?:cuộc|buổi)\s+)?(?P<verb>hội đàm|làm việc)(?!\w)"
    r"(?!\s+với)"
)
# what may stand between a trip's words and the agency worked with: nothing, or the head words
# of a command or premises the agency's name lacks ("làm việc tại Bộ Chỉ huy Công an tỉnh A")
_AGENCY_GAP = re.compile(r"\s?|\s(?:[Bb]ộ [Cc]hỉ huy|[Tt]rụ sở(?: của)?)\s")
_AIRPORT = re.compile(r"(?<!\w)(?:sân bay|cửa khẩu|nhà ga)(?!\w)", re.I)
# "Học viện X đón tiếp 20 sĩ quan nước Y và khai giảng khóa đào tạo", "welcomed 30 officers
# and opened a training course for them": the ones received are a course's trainees,
# no session between two sides (x-noise7 012: the course drafted as a meeting; the brief's
# close calls name training courses as the genre's look-alikes)
COURSE_BEGUN = re.compile(
    r"[^.;]{0,160}?,?\s+(?:và|and)\s+(?:(?:đã|cùng)\s+)?"
    r"(?:bắt đầu|khai giảng|khai mạc|mở|began|begins|opened|opens|started|starts|launched)\s+"
    r"(?:(?:một|the|a|an)\s+)?(?:(?:lớp|khóa|khoá)\s+(?:tập huấn|đào tạo|bồi dưỡng|huấn luyện|học)"
    r"|(?:[\w-]+\s+){0,3}?(?:training|course))",
    re.I,
)
_DELEGATION_SUBJECT = re.compile(r"(?<!\w)[Đđ]oàn(?!\w)[^.;:]*$")
_CALLED_ON = re.compile(r"(?:đến|tới) thăm")
# the delegation met named by the bare word, the story's visitors ("tiếp và làm việc với Đoàn.")
_BARE_DELEGATION = re.compile(
    r"\s*(?:và làm việc với\s+)?(?:các thành viên\s+)?[Đđ]oàn(?:\s+(?:công tác|đại biểu))?"
    r"(?=\s*(?:[.,;]|$)|\s+(?:tại|vào|nhân dịp|trong|sáng|chiều)(?!\w))"
)
_EARLIER_TRIP = re.compile(r"\b(?:recent|previous|earlier|last|prior|past)\s+$")
_HIS_EARLIER_TRIP = re.compile(r"\b(?:his|her|their)\s+(?:recent|previous|earlier|last)\s+$")
_AFTER_TRIP = re.compile(
    r"(?<!\w)(?:sau|kể từ|since|after|follow(?:s|ed|ing)?)\s+(?:(?:his|her|their|the)\s+)?$"
)
# "cooperation has grown since Minister A's visit to Canberra in 2018": the trip a period is
# counted from, named by whose it was (x-noise7: an interview's since-clause drafted a held trip;
# the Vietnamese "kể từ chuyến thăm … của" was already read so)
_SINCE_WHOSE_TRIP = re.compile(
    r"\b(?:since|after|following)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,5}[A-Z][\w.-]*[’']s\s+"
    r"(?:(?:official|state|working|recent|first|last|historic)\s+)?$"
)
# a session joined to a verb before it ("… và đồng chủ trì Đối thoại", "and co-chair the
# second dialogue"): what governs that verb governs the session
_JOINED_TO_A_PLAN = re.compile(
    r"(?<!\w)(?:và|and)\s+(?:(?:sẽ|will|to)\s+)?(?:đồng chủ trì|chủ trì|tham dự|dự|tổ chức|"
    r"co-chair|attend|hold)\s+(?:the\s+)?$"
)
# a verb of recalling that governs the sentence's engagements: "Thứ trưởng nhắc lại chuyến thăm …
# năm 2022 và Hội nghị … lần thứ hai", "He recalled the visit … and the first dialogue …"
_RECALLED = re.compile(r"(?<!\w)(?:nhắc lại|điểm lại|ôn lại|recall(?:s|ed|ing)?)(?!\w)")


# a call at premises the sentence names before whom it met ("called at the Central Police
# Office and met with Commissioner Y"): whom it met received that call, not the one before
_OWN_PREMISES = re.compile(r"\b(?:called at|visited|toured|went to|arrived at)\s+(?:the\s+)?[A-Z]")


# "làm việc với đoàn Cục A và Cục B Bộ An ninh Lào": one delegation ("đoàn", not "các đoàn")
# of the agencies listed after it
_ONE_DELEGATION = re.compile(r"(?<!các )(?<!những )(?<!hai )[Đđ]oàn(?: đại biểu| công tác)?\s+$")
_AGENCIES_JOINED = re.compile(r"\s*(?:,|và)\s*")


def _one_delegation(text: str, cps: list[Mention | PersonMention]) -> list[Mention | PersonMention]:
    """The agencies of one delegation met are one counterpart, the first: one meeting (the
    eleventh round's immigration page, one delegation of two Lao departments, was drafted as
    two meetings)."""
    if len(cps) < 2 or not isinstance(cps[0], Mention):
        return cps
    first = cps[0]
    if not _ONE_DELEGATION.search(text, max(0, first.start - 20), first.start):
        return cps
    out: list[Mention | PersonMention] = [first]
    last = first
    for cp in cps[1:]:
        joined = _AGENCIES_JOINED.fullmatch(text, last.end, cp.start)
        if isinstance(cp, Mention) and joined and cp.country == first.country:
            last = cp
            continue
        out.append(cp)
    return out


# "hội đàm cấp cao giữa A và B", "talks between A and B", "hội đàm định kỳ quý 4/2024 giữa A
# với B": the verb's object is both sides
# ("hội đàm thường niên lần thứ XV năm 2023 giữa A và B với C": the edition and year before
# the sides, up to eight words, none of them "với", whom the talks were with)
_SIDES_AFTER = re.compile(r"\s+(?:(?!với\s)[\w/-]+\s+){0,8}?(?:giữa|between)\s")


# the second verb of one subject: "… police headquarters in Lima and then met"
_AND_THEN = re.compile(r"[^,;.]{0,80}\sand\s+(?:later\s+|then\s+|also\s+)?")


# "thăm và làm việc với các cơ quan hữu quan Nhật Bản", "with the relevant agencies of Japan":
# no organisation met, a trip to the country
_AGENCIES_OF = re.compile(
    r"\s*(?:(?:làm việc )?với|with)\s+(?:các|những|the)\s+(?:cơ quan|đơn vị|bộ, ngành|lực lượng|"
    r"relevant|law enforcement|agencies)[^,.;()]{0,30}?(?=\s(?:của\s+|of\s+)?[A-ZĐ])\s"
    r"(?:của\s+|of\s+)?"
)


@cache
def _words(key: str, language: str, flags: int) -> re.Pattern[str]:
    """A lexicon's plain words (`meeting_words`, `visit_words`) as one whole-word regex."""
    return word_regex(cues()[key][language], flags=flags)


# a meeting told by its noun, then as yet to be held ("the talks to be chaired by A and B")
# the verbs of one session with a country's unnamed officials (not "paid courtesy calls to Lao
# leaders": calls on several, each told again by name)
# the joints of a list of places: "Austria, Hungary, and the Czech Republic", "Lào và Campuchia"
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|và\s+)?|\s(?:and|và)\s+)(?:the\s+)?")
_TALKS_VERB = re.compile(r"(?:discussed|met|meets|held|holds|had)\b")


# "the next round of the Dialogue", "phiên họp tiếp theo của …": a session still to come, not
# the one the story told (x-recall3 026: the held second round took the next one's year)
# the words before an opening bracket that the bracket's name stands for, up to the bracket
_BRACKET_OPENED = re.compile(r"([^()]{1,100})\(\s*$")
_NEXT_SESSION = re.compile(
    r"\b(?:next|following|upcoming)\s+(?:round|session|edition|meeting)\s+of\s+(?:the\s+)?$",
    re.I,
)


# "to meet", "will meet": the verb of an errand or a plan
_INFINITIVE = re.compile(r"\b(?:to|will|would)\s+$|(?<!\w)sẽ\s+(?:có\s+)?$")


_RECEIVED_A = re.compile(r"\b(?:received|receives|accepted|accepts) an?\s+(?:[\w-]+\s+){0,2}$")
# whom a visit is paid to, by a title: a person called on, not a place
_ON_A_PERSON = re.compile(
    r"\s+(?:to\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}?(?:Minister|Ambassador|Director|Commissioner|Secretary|"
    r"Chief|General|Governor|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\b"
)

# "During this visit, ties were elevated …": a demonstrative names the trip told before, never
# another (x-miss7 002: a prime minister's earlier visit, recalled, was drafted again as held)
_THIS_TRIP = re.compile(r"\b(?:this|that|the same|the said)\s+$", re.I)

_TO_BE_HELD = re.compile(r"\b(?:to be|will be)\s+(?:co-)?(?:chaired|held|hosted|convened)\b")

# "visited the Embassy of X and met Ambassador Y" is the embassy's visit; "the Minister of
# Interior … met with Y, Chargé d'Affaires at the Embassy of the United States in Qatar" is a
# meeting with a foreign mission's envoy (x-world2 page 004: read as the minister's embassy
# visit); a delegation met by its own envoy abroad becomes its embassy visit in sides.own_missions
_VISITED = re.compile(r"\b(?:visit\w*|toured|tours|called at)\b")


def _envoy_met_or_visit(verb: str) -> str:
    return "embassy_visit" if _VISITED.search(verb) else "meeting"


@dataclass(slots=True)
class Finder:
    """Reads the story sentence by sentence and keeps what the next sentence may refer to: the
    main series session, the trips, the last group of meetings told together, and the focus
    (the engagements the story is telling now)."""

    text: str
    language: str
    home: str
    engagements: list[Engagement] = field(default_factory=list)
    main: Engagement | None = None
    visits: list[Engagement] = field(default_factory=list)
    groups: int = 0
    last_group: list[Engagement] = field(default_factory=list)
    focus: list[Engagement] = field(default_factory=list)
    captions_only: bool = False
    previous: SentenceInfo | None = None  # the story's sentence before this one

    @property
    def lang(self) -> Language:
        return languages.get(self.language)

    def sentence(self, info: SentenceInfo) -> None:
        if info.sentence.role == CAPTION and not self.captions_only:
            # a caption illustrates the story: it adds an engagement only when it shows a
            # session the story does not tell, and that candidate is flagged for review
            for e in caption_sessions(self.text, info, self.engagements, self.language):
                e.group = self.groups
                self.groups += 1
                self.engagements.append(e)
            self.caption_people(info)
            return
        created: list[Engagement] = []
        referenced: list[Engagement] = []
        self.series(info, created, referenced)
        self.trips(info, created, referenced)
        if self.language == "vi":
            self.deployed(info, created)
            self.delegations_talk(info, created)
        greeted, told = greeting_visits(self.text, info, self.engagements)
        self.engagements += greeted
        created += greeted
        referenced += told
        new_group = self.meetings(info, created, referenced)
        self.recalled_sessions(info, created)
        new_group += self.told_otherwise(info, created, referenced)
        if new_group:
            self.groups += 1
            self.last_group = new_group
        # who took part, and in which role
        for e in created + referenced:
            add_participants(self.text, info, e, self.language)
        _counterparts_not_travellers(created + referenced)
        self.follow(info, created, referenced)
        for e in created:
            e.caption = e.caption or self.captions_only
        self.previous = info

    def caption_people(self, info: SentenceInfo) -> None:
        """ "Tiếp và làm việc với đoàn có Đại tá X, Chỉ huy trưởng … Công an tỉnh A" under the
        photo of the session at Công an tỉnh A: who of the agency met took part in it."""
        for e in self.engagements:
            if e.kind != "meeting" or e.counterpart is None:
                continue
            key = e.counterpart.key
            if any(p.organisation is not None and p.organisation.key == key for p in info.people):
                add_participants(self.text, info, e, self.language)

    # --- dialogues and numbered conferences ---------------------------------------------------

    def alias_of_multilateral(self, start: int, at: int) -> bool:
        """A name in brackets right after a multilateral gathering's is its short name, the
        same gathering ("tại Đối thoại Quốc phòng Seoul lần thứ 14 (Đối thoại SDD-14)": x-vi7
        page 011 drafted the short name as a Vietnam–Korea dialogue)."""
        m = _BRACKET_OPENED.search(self.text, max(start, at - 100), at)
        return m is not None and self.lang.cue("multilateral").search(m.group(1)) is not None

    def series(
        self, info: SentenceInfo, created: list[Engagement], referenced: list[Engagement]
    ) -> None:
        s = info.sentence
        past_cue = self.lang.cue("past_context")
        for dm in outermost_named(dialogue_mentions(self.text, info, self.language)):
            if dm.mechanism:
                continue
            # ("to co-chair the next round of the Dialogue": another session, not the one held)
            after = _NEXT_SESSION.search(self.text, max(s.start, dm.span[0] - 40), dm.span[0])
            target = None if after else self.series_told(dm, s.text)
            if target is not None:
                target.add(info)
                if target.name is None or (len(dm.core) > len(target.name_core) and dm.session):
                    target.name, target.name_core = dm.span, dm.core or target.name_core
                    target.pair = dm.pair or target.pair
                if target.session is None and dm.session is not None:
                    target.session, target.session_span = dm.session, dm.session_span
                referenced.append(target)
                continue
            if self.lang.cue("multilateral").search(dm.span[2]):
                continue  # "Hội nghị cấp cao ASEAN lần thứ 44": attended, many countries
            if self.alias_of_multilateral(s.start, dm.span[0]):
                continue  # "… Đối thoại Quốc phòng Seoul lần thứ 14 (Đối thoại SDD-14)"
            if dm.noun == "conference" and not international(info, dm, self.engagements, self.home):
                continue  # "Hội nghị Công an toàn quốc lần thứ 80", an unnumbered "Hội nghị"
            held = self.lang.cue("triggers", "dialogue").search(s.text)
            if not (held or info.dates or dm.session):
                continue
            # a dialogue recalled after the engagement the article reports is context, as one
            # recalled beside an earlier session ("Bộ trưởng điểm lại rằng, Đối thoại …")
            reported = self.main or next(
                (e for e in self.engagements if not e.context and e.status == "held"), None
            )
            e = new_series_session(
                self.text, info, dm, reported, past_cue, self.lang.cue("planned")
            )
            plan = self.joined_to_a_plan(s.start, dm.span[0]) if e.status == "held" else None
            if plan is not None and not e.context:
                e.status, e.status_cue = "planned", plan
            over = self.lang.cue("over_years").search(self.text, s.start, dm.span[0])
            over = over or (self.recalled(s.start, dm.span[0]) if e.status == "held" else None)
            # "kết quả thực hiện Biên bản ghi nhớ Hội nghị … lần thứ XVII": the minutes of an
            # earlier session, carried out since
            over = over or _MINUTES_CARRIED_OUT.search(
                self.text, max(s.start, dm.span[0] - 60), dm.span[0]
            )
            if over is not None and not e.context:
                # "Trong giai đoạn 2019-2021, A và B đã nhiều lần giao ban": sessions
                # summed up over years, background whether or not another was reported first;
                # one a verb of recalling governs, after the story's own engagement, the same
                e.context, e.context_cue = True, (over.start(), over.end(), over.group())
            if self.main is None and not e.context and e.status == "held":
                self.main = e
            self.engagements.append(e)
            created.append(e)

    def joined_to_a_plan(self, floor: int, at: int) -> Span | None:
        """ "Bộ trưởng A dự kiến thăm Việt Nam … và đồng chủ trì Đối thoại … lần thứ hai": the
        plan's cue governing the verb a session at `at` is joined to, if any."""
        joined = _JOINED_TO_A_PLAN.search(self.text, max(floor, at - 30), at)
        plan = self.lang.cue("planned").search(self.text, floor, at)
        if joined is None or plan is None or plan.start() >= joined.start():
            return None
        return (plan.start(), plan.end(), plan.group())

    def series_told(self, dm: DialogueMention, sentence: str) -> Engagement | None:
        """The session already drafted that a dialogue's mention refers to, if any."""
        main = self.main
        if dm.session is not None:
            target = next(
                (
                    e
                    for e in self.engagements
                    if e.kind == "dialogue" and e.session == dm.session and e.noun == dm.noun
                ),
                None,
            )
            if target is None:
                target = same_session_of_pair(self.engagements, dm)
            if target is None and main is not None and main.session is None and not main.context:
                target = main if not self.lang.cue("past_context").search(sentence) else None
            return target
        if main is not None and (dm.anaphoric or same_core(dm.core, main.name_core)):
            return main
        return None

    # --- trips ------------------------------------------------------------------------------

    def trips(
        self, info: SentenceInfo, created: list[Engagement], referenced: list[Engagement]
    ) -> None:
        text, s = self.text, info.sentence
        for vm in self.lang.visit.finditer(text, s.start, s.end):
            if _PREMISES.match(text, vm.start()):
                continue  # "visited the Secretariat Police Station of Islamabad": a meeting
            after = text[vm.end() : s.end]
            agencies_of = _AGENCIES_OF.match(after)
            host_org = self.visited_agency(info, vm)
            if (
                agencies_of is None
                and host_org is None
                and (
                    re.match(r"\s*,?\s*(?:làm việc )?với\b|\s*(?:with)\b", after)
                    or any(
                        o.start >= vm.end() and _AGENCY_GAP.fullmatch(text, vm.end(), o.start)
                        for o in info.orgs
                    )
                )
            ):
                # "thăm, làm việc với …", "to visit the Traffic Police": a meeting; crossing over
                # to do so ("sang thăm và làm việc với <foreign agencies>") is a trip too
                self.crossing_for_talks(info, vm, created)
                continue
            if self.no_trip_told(s.start, vm, after):
                continue
            # the destination right after the words, or after "các cơ quan hữu quan"
            reach = vm.end() + (agencies_of.end() if agencies_of else 3)
            dest = next(
                (
                    p
                    for p in info.places
                    if vm.end() <= p.start <= reach and p.kind in (COUNTRY, CITY)
                ),
                None,
            )
            if dest is None and _THE_NATION.match(text, vm.end()):
                dest = _one_foreign_country(info, self.home)
            if vm.group() in _ARRIVAL and not self.delegation_arrived(info, vm, dest):
                continue
            # the noun, after its adjectives: "his ongoing working visit" is a trip told
            noun = re.search(r"\bvisits?\b|\btrip\b|\bstay\b|chuyến", vm.group().lower())
            across = self.crossed_to(info, vm) if dest is None and noun is None else None
            if dest is None and noun is None and across is None:
                continue
            code = (dest.key if dest.kind == COUNTRY else dest.country) if dest else None
            code = code or (host_org.country if host_org else None)
            code = code or (across.country if across else None)
            code = code or self.visitors_trip(info, vm)
            target = self.trip_told(info, dest, code)
            if self.visits and _THIS_TRIP.search(text, max(s.start, vm.start() - 12), vm.start()):
                target = self.visits[-1]  # "During this visit, …": the trip told last, again
            if target is not None and other_delegation(info, vm, target, code):
                target = None  # two posts' delegations crossing to one country: two trips
            if target is not None and self.planned_trip(info, vm, target):
                target = None  # "X is expected to visit Vietnam in October": another trip
            if target is not None:
                target.add(info)
                if target.destination is None and dest is not None:
                    target.destination, target.place_country = dest, code
                referenced.append(target)
                continue
            home_trip = dest is not None and code == self.home and self.language == "vi"
            if home_trip and not incoming(info, self.home):
                continue  # a Vietnamese article's "thăm … Việt Nam" is no trip unless incoming
            e = self.new_trip(info, vm, dest, code)
            if across is not None and not e.pair:
                # a delegation's call across: who travelled is who its subject names
                e.pair = [(c, x) for c, x in travelling_sides(info, vm).items() if c != code]
            after_it = self.earlier_trip(s.start, vm) or self.recalled(s.start, vm.start())
            if after_it and e.status == "held":
                # "gặp lại bà Ngoại trưởng sau chuyến thăm Việt Nam tháng 2/2014": a trip over
                # before the one told, named for context
                e.context, e.context_cue = True, span_of(text, s, after_it)
            self.visits.append(e)
            self.engagements.append(e)
            created.append(e)
            self.further_trips(info, vm, e, created)

    def further_trips(
        self, info: SentenceInfo, vm: re.Match[str], first: Engagement, created: list[Engagement]
    ) -> None:
        """ "traveled to Austria, Hungary, and the Czech Republic", "thăm Lào và Campuchia": a
        list of countries after the trip's words is one trip to each (the first is drafted); a
        list naming the home country is not a tour abroad."""
        dest = first.destination
        if dest is None or dest.kind != COUNTRY:
            return
        listed: list[Mention] = []
        last = dest
        for p in sorted(info.places, key=lambda x: x.start):
            if p.start < last.end or p.kind != COUNTRY:
                continue
            if not _LIST_JOIN.fullmatch(self.text, last.end, p.start):
                break
            listed.append(p)
            last = p
        if not listed or any(p.key in (self.home, dest.key) for p in listed):
            return
        for p in listed:
            e = self.new_trip(info, vm, p, p.key)
            e.status, e.status_cue, e.context = first.status, first.status_cue, first.context
            e.context_cue = first.context_cue
            self.visits.append(e)
            self.engagements.append(e)
            created.append(e)

    def no_trip_told(self, start: int, vm: re.Match[str], after: str) -> bool:
        """Visit words that tell no trip of their own: a courtesy visit (a meeting), an
        invitation, a list of commitments, visits exchanged between the two countries."""
        before = self.text[start : vm.start()]
        return bool(
            # "paid a courtesy visit to General X": a meeting, not a trip
            re.search(r"\bcourtesy\s+$", before)
            # "received a visit from X": a reception (the meeting's verb), no trip of its own
            or (_RECEIVED_A.search(before) is not None and re.match(r"\s+from\b", after))
            # "paid a visit to Police Director X": a call on a person (the meeting's verb)
            or (re.search(r"\b(?:paid|made) a\s+$", before) and _ON_A_PERSON.match(after))
            # an invitation to visit is no engagement until it has a date
            or _INVITED_TO.search(before)
            # "… với các cam kết: Tàu tuần tra bờ biển Nhật Bản thăm Việt Nam; …"
            or _COMMITMENTS.search(self.text, start, vm.start())
            # "chuyến thăm cấp cao giữa lãnh đạo hai nước": visits exchanged
            or _EXCHANGED.match(after)
        )

    def planned_trip(self, info: SentenceInfo, vm: re.Match[str], target: Engagement) -> bool:
        """ "Defence Minister X is expected to visit Vietnam in October", "Bộ trưởng X sẽ thăm
        Việt Nam" after the trip the story reports: a trip told as yet to come is not the held
        trip to the same country told again (x-noise5 021: the minister's planned trip gave the
        army chief's held one its head)."""
        if target.status == "planned":
            return False
        before = self.text[max(info.sentence.start, vm.start() - 40) : vm.start()]
        return bool(self.lang.cue("planned").search(before))

    def recalled_sessions(self, info: SentenceInfo, created: list[Engagement]) -> None:
        """ "The ambassador recalled that Minister A visited Canberra in 2019 and held talks
        with Commissioner B": a meeting whose verb a verb of recalling governs was before, like
        the trip beside it (x-noise7: the trip was context, its talks a false draft; the
        meetings told otherwise were already read so)."""
        for e in created:
            if e.kind == "visit" or e.context or e.status != "held":
                continue
            recalled = self.recalled(info.sentence.start, e.trigger[0])
            if recalled is not None:
                e.context, e.context_cue = True, span_of(self.text, info.sentence, recalled)

    def recalled(self, floor: int, at: int) -> re.Match[str] | None:
        """A verb of recalling before `at` in its sentence, once the story has told an
        engagement of its own: what it governs was before ("nhắc lại chuyến thăm … năm 2022 và
        Hội nghị … lần thứ hai tổ chức tại A năm 2021": both context, however far the second
        from the verb)."""
        if not any(not x.context and x.status == "held" for x in self.engagements):
            return None
        return _RECALLED.search(self.text, floor, at)

    def visitors_trip(self, info: SentenceInfo, vm: re.Match[str]) -> str | None:
        """ "the Russian delegation's visit" with no destination: a foreign delegation's trip
        is to the home country (x-fields5: it was drafted as a trip to Russia)."""
        own = _VISITORS_OWN.search(self.text, max(info.sentence.start, vm.start() - 60), vm.start())
        if own is None:
            return None
        country = next(
            (p for p in info.places if p.kind == COUNTRY and own.start(1) <= p.start < own.end(1)),
            None,
        )
        return self.home if country is not None and country.key != self.home else None

    def earlier_trip(self, floor: int, vm: re.Match[str]) -> re.Match[str] | None:
        """The words telling a trip as one made before what the story reports, if any."""
        text = self.text
        after_it = _AFTER_TRIP.search(text, max(floor, vm.start() - 18), vm.start())
        after_it = after_it or _SINCE_WHOSE_TRIP.search(
            text, max(floor, vm.start() - 70), vm.start()
        )
        if after_it is None and any(not x.context and x.status == "held" for x in self.visits):
            # "the minister's recent trip to Japan" told beside the trip the story reports
            after_it = _EARLIER_TRIP.search(text, max(floor, vm.start() - 16), vm.start())
        if after_it is None and any(not x.context and x.status == "held" for x in self.engagements):
            # "Talking about his recent visit to New York, the minister said …" after the
            # meeting the story reports: his own earlier trip, recalled
            after_it = _HIS_EARLIER_TRIP.search(text, max(floor, vm.start() - 24), vm.start())
        return after_it

    def crossing_for_talks(
        self, info: SentenceInfo, vm: re.Match[str], created: list[Engagement]
    ) -> None:
        """ "Đoàn … sang thăm và làm việc với Bộ A, Cục B Lào": the delegation's trip to the
        country of the agencies it worked with (the verb's words stay the meetings')."""
        if not vm.group().startswith("sang thăm"):
            return
        # the travellers are the delegation's agencies, not an inviter's named before it
        # ("Nhận lời mời của X, Viện trưởng Viện KSND tỉnh A, Đoàn … tỉnh B … sang thăm …")
        subject = _DELEGATION_SUBJECT.search(self.text, info.sentence.start, vm.start())
        since = subject.start() if subject else info.sentence.start
        travellers = {
            o.country for o in info.orgs if since <= o.start and o.end <= vm.start() and o.country
        }
        met = next((o for o in info.orgs if o.start >= vm.end() and o.country), None)
        if met is None or met.country in travellers:
            return
        if met.country == self.home and not travellers:
            return  # our own delegation working with one of ours
        # (a delegation of the neighbour's province working at ours crossed to us: "Đoàn Công an
        # tỉnh A (Lào) … đã sang thăm và làm việc tại Công an tỉnh B")
        if self.trip_told(info, None, met.country) is not None:
            return
        self.stated_trip(info, r"sang(?= thăm)", vm.start(), met.country, created)

    def deployed(self, info: SentenceInfo, created: list[Engagement]) -> None:
        """ "Campuchia triển khai một phái đoàn … tham gia cùng lực lượng Cảnh sát Hoàng gia
        Thái Lan": a delegation sent to work beside another country's agency travels to that
        country."""
        for m in _DEPLOYED.finditer(self.text, info.sentence.start, info.sentence.end):
            named = [p for p in info.places if p.kind == COUNTRY and p.end <= m.start()]
            named += [o for o in info.orgs if o.end <= m.start() and o.country]
            beside = next((o for o in info.orgs if o.start >= m.end() and o.country), None)
            if beside is None or not named:
                continue
            sender = max(named, key=lambda x: x.end)  # the subject, right before the verb
            code = sender.key if sender.kind == COUNTRY else sender.country
            if code is None or code == beside.country:
                continue
            if self.trip_told(info, None, beside.country) is not None:
                continue
            e = self.stated_trip(info, r"triển khai", m.start(), beside.country, created)
            e.pair = [(code, sender)]

    def delegations_talk(self, info: SentenceInfo, created: list[Engagement]) -> None:
        """ "Tại thủ đô A, hai Đoàn đại biểu đã tiến hành hội đàm": talks of the two delegations
        named by no one, told while a delegation's trip is the story, are a session of that
        trip with the side it visited (or the side that came), the agency its sentence named."""
        m = _DELEGATIONS_TALK.search(self.text, info.sentence.start, info.sentence.end)
        trip = self.visits[-1] if self.visits else None
        if m is None or trip is None or trip.context or trip.status != "held":
            return
        if any(e.kind != "visit" for e in created):
            return
        code = trip.place_country
        if code == self.home:  # the side that came: the trip's pair, or its sentence's agency
            came = [c for c, _ in trip.pair] + [o.country for o in trip.info.orgs]
            code = next((c for c in came if c and c != self.home), None)
        if code is None or code == self.home:
            return
        visited = {o.key for i in trip.sentences for o in i.orgs}
        if any(
            e.kind == "meeting"
            and e.start > trip.start
            and (meets_country(e, code) or (e.counterpart and e.counterpart.key in visited))
            for e in self.engagements
        ):
            return  # the trip's session with that side is drafted: these are its talks again
        e = Engagement("meeting", info, (m.start("verb"), m.end("verb"), m["verb"]))
        theirs = [o for i in trip.sentences for o in i.orgs if o.country == code]
        if theirs:
            e.counterpart = theirs[0]
            head = next(
                (p for i in trip.sentences for p in i.people if p.organisation == theirs[0]),
                None,
            )
            e.counterpart_person = head.person if head is not None else None
        else:
            e.pair = [(code, trip.destination)] if trip.destination is not None else []
        e.add(info)
        # who the two delegations are: the trip's sentence names their heads
        add_participants(self.text, trip.sentences[0], e, self.language)
        self.engagements.append(e)
        created.append(e)

    def delegation_arrived(
        self, info: SentenceInfo, vm: re.Match[str], dest: Mention | None
    ) -> bool:
        """ "Đoàn Công an tỉnh A … đã sang Việt Nam", "đoàn … đã tới Liên bang Nga": a bare
        verb of crossing is a trip only with a delegation for subject and a country after it."""
        s = info.sentence
        return (
            dest is not None
            and dest.kind == COUNTRY
            and bool(_DELEGATION_SUBJECT.search(self.text, s.start, vm.start()))
        )

    def crossed_to(self, info: SentenceInfo, vm: re.Match[str]) -> Mention | None:
        """ "Công an tỉnh A sang thăm và làm việc với Công an các tỉnh B, C
        (Lào)": "sang" goes across the border; the foreign agency met right after the trip's
        words is in the country the trip went to (read-n: a provinces' trip of three talks)."""
        if not (vm.group().startswith("sang") or self.delegation_called(info, vm)):
            return None
        joined = _THEN_MET.match(self.text, vm.end())
        if joined is None:
            return self.one_country_after(info, vm)
        # (a delegation from across the border greeting one of ours crossed to us: "Đoàn Công
        # an tỉnh A (Lào) đã sang thăm, chúc Tết Công an tỉnh B")
        travellers = set(travelling_sides(info, vm))
        met = next(
            (
                o
                for o in info.orgs
                if o.start == joined.end()
                and o.country
                and (o.country != self.home or travellers - {o.country})
            ),
            None,
        )
        return met or self.one_country_after(info, vm)

    def delegation_called(self, info: SentenceInfo, vm: re.Match[str]) -> bool:
        """ "Đoàn cán bộ Tòa án tỉnh A (Campuchia) … đã đến thăm chính thức và trao đổi hợp tác
        với Tòa án tỉnh B": a delegation's call (`đến thăm`, `tới thăm`) on another country's
        agency went to that country, as "sang thăm" does (x-vi5: a court's incoming visit)."""
        return (
            bool(_CALLED_ON.match(vm.group()))
            and bool(_DELEGATION_SUBJECT.search(self.text, info.sentence.start, vm.start()))
            and not _resident_mission(info, vm.start())
        )

    def one_country_after(self, info: SentenceInfo, vm: re.Match[str]) -> Mention | None:
        """ "Đoàn … đã sang thăm và chúc mừng Quốc khánh nước bạn tại cửa khẩu X (Lào)": a
        delegation crossing over, the one foreign country its clause names after the verb is
        where it went."""
        s = info.sentence
        if vm.group() != "sang thăm" or not _DELEGATION_SUBJECT.search(
            self.text, s.start, vm.start()
        ):
            return None  # ("sang thăm và làm việc tại <agency>": a session there, told so)
        end = self.text.find(".", vm.end(), s.end)
        after = [
            p
            for p in info.places
            if p.kind == COUNTRY and vm.end() <= p.start and (end < 0 or p.start < end)
        ]
        codes = {p.key for p in after}
        return after[0] if len(codes) == 1 and self.home not in codes else None

    def visited_agency(self, info: SentenceInfo, vm: re.Match[str]) -> Mention | None:
        """ "A delegation … paid a working visit to the Australian Federal Police": a trip to
        the foreign agency's country (the visit as a noun, right before the agency)."""
        if not re.match(r"(?:official |working |study )?visit to", vm.group()):
            return None
        return next(
            (
                o
                for o in info.orgs
                if 0 <= o.start - vm.end() <= 1 and o.country and o.country != self.home
            ),
            None,
        )

    def trip_told(
        self, info: SentenceInfo, dest: Mention | None, code: str | None
    ) -> Engagement | None:
        """The trip already drafted that a trip's words refer to: the one to the same country
        (unless the sentence tells another, earlier trip), or the last one when no place is
        named ("chuyến thăm", "the visit")."""
        earlier = bool(self.lang.cue("past_context").search(info.sentence.text) and info.dates)
        target = next((v for v in self.visits if code and v.place_country == code), None)
        target = None if earlier else target
        if target is None and dest is None:
            target = self.visits[-1] if self.visits else None
        if target is None and self.visits and _WELCOME_OPENS.match(info.sentence.text):
            # "Chào mừng Bộ trưởng X và Đoàn … sang thăm, làm việc tại Việt Nam, Bộ trưởng Y …":
            # the host welcoming the visit reported tells it again (x-vi7 page 013: a second
            # trip, and the talks, between two, nested in neither)
            target = self.visits[-1]
        return target

    def stated_trip(
        self, info: SentenceInfo, word: str, at: int, code: str, created: list[Engagement]
    ) -> Engagement:
        """A trip without a destination named, told by a verb of its own at `at` (`sang thăm`,
        `triển khai`): not implied, to `code`'s country; recorded with the story's trips."""
        verb = re.compile(word).match(self.text, at)
        assert verb is not None
        e = self.new_trip(info, verb, None, code)
        e.implied = False
        self.visits.append(e)
        self.engagements.append(e)
        created.append(e)
        return e

    def new_trip(
        self, info: SentenceInfo, vm: re.Match[str], dest: Mention | None, code: str | None
    ) -> Engagement:
        text, s = self.text, info.sentence
        # the trip's words run to its destination: "visit to Vietnam from October 7 to 9"
        end = dest.end if dest is not None else vm.end()
        e = Engagement(
            "visit",
            info,
            (vm.start(), end, text[vm.start() : end]),
            destination=dest,
            place_country=code,
            implied=dest is None,
            pair=delegation_countries(info, vm, code),
        )
        e.add(info)
        planned = self.lang.cue("planned").search(text[max(s.start, vm.start() - 40) : vm.start()])
        # "Ahead of Thai Prime Minister X's visit to Laos next week, …": a trip still to come,
        # however long who makes it
        planned = planned or _AHEAD_OF.search(text[max(s.start, vm.start() - 120) : vm.start()])
        if planned:
            e.status, e.status_cue = "planned", span_of(text, s, planned)
        ago = (
            _LONG_AGO.search(text, vm.end(), s.end)
            or _LAST_TIME.search(text, max(s.start, vm.start() - 8), vm.start())
            or _LAST_PERIOD.match(text, end)
        )
        if ago and e.status == "held":
            # "the minister last visited Tajikistan 19 years ago": an old trip, for context
            e.context, e.context_cue = True, (ago.start(), ago.end(), ago.group())
        if "visits" in vm.group().lower().split()[:2]:
            # "high-level visits to Vietnam by …": trips in general, told for context (and
            # "reinforced by key official visits", the noun after its adjective)
            e.context, e.context_cue = True, (vm.start(), vm.end(), vm.group())
        return e

    # --- meetings: one per counterpart met ------------------------------------------------

    def meetings(
        self, info: SentenceInfo, created: list[Engagement], referenced: list[Engagement]
    ) -> list[Engagement]:
        text, s = self.text, info.sentence
        new_group: list[Engagement] = []
        for mm in self.lang.meet.finditer(text, s.start, s.end):
            if any(c.trigger[0] <= mm.start() < c.trigger[1] for c in created):
                continue
            if not self.meeting_verb(info, mm):
                continue
            session = _session_met_at(text, mm, created)
            if session is not None:
                referenced.append(session)  # "met with X at the 2nd A-B Council meeting"
                continue
            made: dict[str, Engagement] = {}  # organisation met -> its meeting of this verb
            last: tuple[Mention | PersonMention, Engagement] | None = None
            met = self.counterparts_met(info, mm)
            received = None if met else self.delegation_received(info, mm)
            if received is not None:
                received.group = self.groups
                self.engagements.append(received)
                created.append(received)
                new_group.append(received)
            for cp in met:
                if any(c.name and c.name[0] <= cp.start < c.name[1] for c in created):
                    continue  # "hosted the AFP-INP Senior Officers' Meeting": the series' sides
                if last is not None and met_together(self.text, last[0], cp):
                    received_with(last, cp)
                    continue
                org = cp.organisation if isinstance(cp, PersonMention) else None
                existing = self.meeting_told(info, mm, cp) or (made.get(org.key) if org else None)
                existing = existing or self.visited_where(info, mm, cp, created)
                if existing is not None:
                    existing.add(info)
                    referenced.append(existing)
                    continue
                e = self.new_meeting(info, mm, cp)
                _same_subject(self.text, e, created)
                last = (cp, e)
                if org is not None:
                    made[org.key] = e  # two of its officials met together: one meeting
                e.group = self.groups
                self.engagements.append(e)
                created.append(e)
                new_group.append(e)
        return new_group

    def delegation_received(self, info: SentenceInfo, mm: re.Match[str]) -> Engagement | None:
        """ "Chánh án X tiếp và làm việc với Đoàn", "… đã dành thời gian tiếp đoàn": the
        delegation met, named by the bare word, is the one whose trip to us the story told; one
        meeting with its side, unless a meeting with that side is drafted already."""
        if self.language != "vi" or not _BARE_DELEGATION.match(self.text, mm.end()):
            return None
        trip = next(
            (
                v
                for v in reversed(self.visits)
                if v.status == "held" and not v.context and v.place_country in (self.home, None)
            ),
            None,
        )
        if trip is None:
            return None
        named = [*trip.info.places, *trip.info.orgs]
        sides = [(c, x) for c, x in trip.pair if c and c != self.home] or [
            (x.key if x.kind == COUNTRY else x.country, x)
            for x in named
            if (x.key if x.kind == COUNTRY else x.country) not in (None, self.home)
        ]
        ours = {p.person for p in info.people if p.country == self.home and p.person >= 0}
        if not sides or any(
            e.kind == "meeting"
            and not e.context
            and (
                meets_country(e, sides[0][0])
                or ours & {p.person for i in e.sentences for p in i.people}
            )
            for e in self.engagements
        ):
            return None  # its reception, told before (by the same host, or with its side)
        e = Engagement("meeting", info, (mm.start(), mm.end(), mm.group()), pair=sides[:1])
        e.add(info)
        return e

    def meeting_verb(self, info: SentenceInfo, mm: re.Match[str]) -> bool:
        """Is the verb a meeting told here? Not "thăm" of anything but a mission or premises,
        nor a meeting named as a thing already told ("Sau hội đàm"), nor the first of two verbs
        of one session ("tiếp và hội đàm với", "received and held talks with")."""
        text = self.text
        joined = re.match(r"\s*(?:,|và|and)\s*", text[mm.end() : info.sentence.end])
        if joined and self.lang.meet.match(text, mm.end() + joined.end()):
            return False
        if (
            self.language == "vi"
            and mm.group() == "thăm"
            and not re.match(
                r"\s+(?:Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán|trụ sở|Trụ sở)",
                text[mm.end() :],
            )
        ):
            return False
        if re.search(_PROGRAMME, text[max(info.sentence.start, mm.start() - 20) : mm.start()]):
            return False  # "Theo lịch làm việc của đoàn, …": an agenda
        if mm.group() == "đón tiếp" and _AIRPORT.search(info.sentence.text):
            return False  # a welcome at the airport is no session (the development gold)
        if COURSE_BEGUN.match(text, mm.end(), info.sentence.end):
            return False  # the trainees of a course received
        if mm.group().endswith("tại") and self.at_a_place(info, mm):
            return False  # "đến thăm và làm việc tại Việt Nam, X …": the trip, no agency met
        return not noun_usage(text, info, mm)

    def at_a_place(self, info: SentenceInfo, mm: re.Match[str]) -> bool:
        """Whether a country or a city, not an agency, follows "làm việc tại" (x-fields5:
        "Chào mừng Đoàn … đến thăm và làm việc tại Việt Nam, Chánh án X …" met X)."""
        gap = re.match(r"\s*", self.text[mm.end() :])
        at = mm.end() + (gap.end() if gap else 0)
        return any(p.start == at and p.kind in (COUNTRY, CITY) for p in info.places) and not any(
            o.start == at for o in info.orgs
        )

    def counterparts_met(
        self, info: SentenceInfo, mm: re.Match[str]
    ) -> list[Mention | PersonMention]:
        end, cps = counterparts(self.text, info, mm.end(), self.language)
        if (
            not cps
            and (_TALKS_VERB.match(mm.group()) or self.language == "vi")
            and not _INFINITIVE.search(self.text, info.sentence.start, mm.start())
        ):
            # "discussed cooperation with Russia's security leaders": a country's officials,
            # unnamed, met by a held verb (not "to meet Lao border officials": a plan)
            cps = officials_of_country(self.text, info, mm.end(), end)
        if not cps and self.lang.host_verb.search(mm.group()):
            cps = delegation_of_country(self.text, info, mm.end(), end)
        if noun_phrase(self.text, info, mm):
            # "Tại cuộc hội đàm với bà X, Bộ trưởng Y …": the talks with X, then the clause's
            # subject; who is named after X is not met there
            cps = cps[:1]
            cps = [_foreign_subject(self.text, info, cps[0], self.home) or cps[0]] if cps else cps
        cps = _one_delegation(self.text, cps)
        if _SIDES_AFTER.match(self.text, mm.end()) or PARTICIPATION_OF.match(self.text, mm.end()):
            # "hội đàm cấp cao giữa Đoàn Bộ Công an Việt Nam do X … và Đoàn Bộ Nội vụ Cuba do
            # Y": talks between two sides, one session with the other side
            # ("đã diễn ra buổi hội đàm giữa Đoàn A … và Đoàn B …", told as happening, whose
            # foreign side the object read does not reach: talks_between drafts it from the
            # two heads; read here, its own side was met in a second meeting of the talks)
            foreign = [cp for cp in cps if cp.country and cp.country != self.home]
            if not foreign and _TOLD_BETWEEN.search(self.text, info.sentence.start, mm.end()):
                return []
            cps = foreign[:1] or cps[-1:]
        if (
            self.language == "en"
            and mm.group() in ("visited", "visit")
            and not any(isinstance(c, Mention) and c.org_kind for c in cps)
            and not _called_on(self.text, mm, cps)
        ):
            return []
        if self.language == "vi" and self.among_ourselves(info):
            # "Thứ trưởng … đã làm việc với Công an tỉnh Lạng Sơn": one of ours working with
            # another of ours, no foreign side named and no trip told, is no engagement
            cps = [cp for cp in cps if cp.country != self.home]
        out = []
        for cp in cps:
            if (
                isinstance(cp, Mention)
                and cp.country == self.home
                and cp.org_kind == "ministry"
                and self.language == "vi"
                and not self.lang.host_verb.search(mm.group())
                and not any(p.country and p.country != self.home for p in info.people)
            ):
                # "làm việc với Bộ Công an" by a foreign delegation is fine; by the article's
                # own delegation it is a reference to itself
                continue
            out.append(cp)
        return out

    def among_ourselves(self, info: SentenceInfo) -> bool:
        """A sentence naming no one, no agency and no place of another country, while no trip
        is the story: what it tells happens among our own."""
        if any(v.status == "held" and not v.context for v in self.visits):
            return False
        named = [*info.places, *info.orgs]
        codes = {x.key if x.kind == COUNTRY else x.country for x in named}
        codes |= {p.country for p in info.people}
        return not (codes - {self.home, None})

    def meeting_told(
        self, info: SentenceInfo, mm: re.Match[str], cp: Mention | PersonMention
    ) -> Engagement | None:
        """The meeting already drafted with this counterpart, if any."""
        if isinstance(cp, PersonMention):
            key: str | int = cp.person
            org = cp.organisation
        else:
            key, org = cp.key, cp
        existing = next(
            (
                e
                for e in self.engagements
                if e.kind in ("meeting", "embassy_visit")
                and counterpart_key(e) == key
                # "Chiều cùng ngày, Thủ tướng Y đã tiếp X" after "Chủ tịch nước Z đã tiếp X":
                # another of ours receiving the same guest is another meeting
                and not (
                    e.kind == "meeting" and info is not e.info and other_hosts(e, info, self.home)
                )
            ),
            None,
        )
        if existing is None and not isinstance(cp, PersonMention):
            existing = self.guest_welcomed(info, cp) or self.agency_of_one_met(info, cp)
            existing = existing or self.both_sides_again(info, cp)
        if (
            existing is None
            and isinstance(cp, PersonMention)
            and cp.country == self.home
            and _WELCOME_BEFORE.search(self.text, info.sentence.start, mm.start())
        ):
            # "Chào mừng ngài X … tới làm việc tại Bộ Công an, Bộ trưởng Y nhấn mạnh": our own
            # minister, the clause's subject, read as the one met; the foreign guest welcomed is
            # the one a reception already drafted has, so it is that reception told again
            existing = self.guest_named_again(info, unplaced=True)
        if (
            existing is None
            and isinstance(cp, PersonMention)
            and not ALSO.search(self.text, info.sentence.start, mm.start())
        ):
            existing = self.unnamed_told(cp) or self.officer_of_agency_visited(info, cp)
            existing = existing or self.agency_visited_and_met(info, mm, cp)
        if existing is None and isinstance(cp, PersonMention) and cp.country:
            existing = self.delegation_named(info, mm, cp)
        if existing is None and org is not None and isinstance(cp, PersonMention):
            # the organisation met earlier in a list, now with the person who received them:
            # the same session, unless other people of ours were at each
            existing = next(
                (
                    x
                    for x in self.engagements
                    if x.kind == "meeting"
                    and x.counterpart_person is None
                    and x.counterpart is not None
                    and x.counterpart.key == org.key
                    and not other_hosts(x, info, self.home)
                ),
                None,
            )
            if existing is not None:
                existing.counterpart_person = cp.person
                existing.info = info
                existing.trigger = (mm.start(), mm.end(), mm.group())
        return existing

    def named_in_list(
        self, info: SentenceInfo, e: Engagement, referenced: list[Engagement]
    ) -> bool:
        """ "At the reception for Lao Ambassador X", a session told by its noun, after "received
        ambassadors of Laos, …": the list's Lao meeting, now with its envoy named."""
        cp = next((p for p in info.people if p.person == e.counterpart_person), None)
        if e.kind != "meeting" or cp is None or not cp.country:
            return False
        x = self.delegation_named(info, None, cp)
        if x is None:
            return False
        x.add(info)
        referenced.append(x)
        return True

    def delegation_named(
        self, info: SentenceInfo, mm: re.Match[str] | None, cp: PersonMention
    ) -> Engagement | None:
        """ "received ambassadors of Laos, Cambodia and China", then "At the reception for Lao
        Ambassador X": the meeting with Laos's envoy, now named (x-fields5: drafted twice)."""
        x = next(
            (
                x
                for x in self.engagements
                if x.kind == "meeting"
                and x.counterpart_person is None
                and x.counterpart is not None
                and cp.country
                in (
                    x.counterpart.key if x.counterpart.kind == COUNTRY else None,
                    x.counterpart.country if x.counterpart.org_kind == "delegation" else None,
                )
                and not other_hosts(x, info, self.home)
            ),
            None,
        )
        if x is not None:
            x.counterpart_person = cp.person
        return x

    def visited_where(
        self,
        info: SentenceInfo,
        mm: re.Match[str],
        cp: Mention | PersonMention,
        created: list[Engagement],
    ) -> Engagement | None:
        """ "X visited the Ministry of Interior of Qatar, where he held a meeting with its
        minister Y": the meeting told in the relative clause of the agency visited is that visit,
        with the one met there (x-sides s12: one session drafted twice)."""
        s = info.sentence
        if not isinstance(cp, PersonMention) or not _WHERE_HE.search(
            self.text, max(s.start, mm.start() - 50), mm.start()
        ):
            return None
        e = next(
            (
                c
                for c in reversed(created)
                if c.info is info
                and c.kind == "meeting"
                and c.trigger[2] in ("visited", "toured")
                and c.counterpart is not None
                and c.counterpart_person is None
                and cp.country in (None, c.counterpart.country)
            ),
            None,
        )
        if e is not None:
            e.counterpart_person = cp.person
            cp.organisation = cp.organisation or e.counterpart
            cp.country = cp.country or e.counterpart.country  # type: ignore[union-attr]
        return e

    def officer_of_agency_visited(self, info: SentenceInfo, cp: PersonMention) -> Engagement | None:
        """ "X toured the A Police headquarters on a given day. He met its Police
        Commissioner Y …": the one met right after a visit to an agency, named without an
        agency of their own and on no day of their own, received the visit for it."""
        last = self.last_group
        if info.dates or cp.organisation is not None or len(last) != 1:
            return None
        e = last[0]
        told_before = bool(e.sentences) and e.sentences[-1].sentence.end <= info.sentence.start
        if (
            e.kind != "meeting"
            or e.counterpart is None
            or e.counterpart_person is not None
            or not told_before
            or info.sentence.start - e.sentences[-1].sentence.end > 2
            or cp.country not in (None, e.counterpart.country)
            # "Later the delegation called at the Central Police Office and met with Commissioner
            # Y": premises of their own named before whom it met, another session
            or any(o.start < cp.start and o.key != e.counterpart.key for o in info.orgs)
            or _OWN_PREMISES.search(self.text, info.sentence.start, cp.start)
        ):
            return None
        e.counterpart_person = cp.person
        cp.organisation = e.counterpart
        cp.country = cp.country or e.counterpart.country
        return e

    def agency_visited_and_met(
        self, info: SentenceInfo, mm: re.Match[str], cp: PersonMention
    ) -> Engagement | None:
        """ "X toured the police headquarters in Lima and later met its commander, General Y":
        one subject's two verbs joined by "and", the one met with no agency of their own (or
        the one visited) received the visit: one session."""
        e = next(
            (
                c
                for c in self.engagements
                if c.info is info
                and c.kind == "meeting"
                and c.trigger[2] in ("visited", "toured")
                and c.counterpart is not None
                and c.counterpart_person is None
                and c.trigger[1] <= mm.start()
            ),
            None,
        )
        if e is None or e.counterpart is None:
            return None
        org = e.counterpart
        if cp.organisation not in (None, org) or cp.country not in (None, org.country):
            return None
        if not _AND_THEN.fullmatch(self.text, e.trigger[1], mm.start()):
            return None
        e.counterpart_person = cp.person
        cp.organisation = cp.organisation or org
        return e

    def unnamed_told(self, cp: PersonMention) -> Engagement | None:
        """ "South Korea's police chief held talks with Vietnam's public security minister …":
        the lead's meeting with a counterpart named by country and office, now named."""
        existing = next(
            (
                e
                for e in self.engagements
                if e.kind == "meeting"
                and e.counterpart_person is None
                and e.counterpart is None
                and e.status == "held"
                and not e.context
                and e.pair
                and e.pair[0][0] == cp.country
            ),
            None,
        )
        if existing is not None:
            existing.counterpart_person, existing.counterpart = cp.person, cp.organisation
        return existing

    def agency_of_one_met(self, info: SentenceInfo, org: Mention) -> Engagement | None:
        """ "Y cảm ơn X đã dành thời gian làm việc với Bộ Nội vụ nước bạn …"
        after "X đã hội kiến Y, Bộ trưởng Bộ Nội vụ nước bạn": the agency of a person met in an
        earlier sentence, named alone, is that session told again, unless the sentence dates a
        day of its own (read-n: one meeting drafted twice this way of 8 false drafts)."""
        if info.dates:
            return None
        return next(
            (
                e
                for e in self.engagements
                if e.kind == "meeting"
                and e.info is not info
                and e.counterpart_person is not None
                and e.counterpart is not None
                and e.counterpart.key == org.key
                and e.status == "held"
                and not e.context
            ),
            None,
        )

    def both_sides_again(self, info: SentenceInfo, org: Mention) -> Engagement | None:
        """ "The envoy then went to the Ministry of Justice, where the minister received him" after
        "Naqvi met US Ambassador X": an agency met, undated, in a sentence naming two people
        who already met each other, is that meeting told again (x-facts 007's false draft).
        Not an agency of a third country: "In Hungary, she met Hungarian officials" after his
        meeting in Germany is a meeting of its own."""
        named = {p.person for p in info.people if p.person >= 0}
        if info.dates or not named:
            return None
        met = {e.counterpart.country for e in self.engagements if e.counterpart is not None}
        if org.country is not None and met and org.country not in met:
            return None
        return next(
            (
                e
                for e in self.engagements
                if e.kind == "meeting"
                and e.info is not info
                and e.status == "held"
                and not e.context
                and named <= set(e.participants)
                and all(
                    k in named or _office_named(info.sentence.text, part.mention)
                    for k, part in e.participants.items()
                )
            ),
            None,
        )

    def guest_welcomed(self, info: SentenceInfo, org: Mention) -> Engagement | None:
        """The meeting already drafted whose foreign guest this sentence names, when the
        organisation "met" is our own ("Chào mừng ngài X đến thăm và làm việc với Bộ Công an",
        "welcomed X's working visit to the Ministry"): the same reception told again."""
        if org.country != self.home or org.org_kind == "embassy":
            return None  # (our own embassy visited abroad is a session of its own)
        return self.guest_named_again(info)

    def guest_named_again(self, info: SentenceInfo, *, unplaced: bool = False) -> Engagement | None:
        """The meeting already drafted whose foreign guest this sentence names (see
        `guest_welcomed`); `unplaced`: a person named without a country counts too."""
        named = {
            p.person for p in info.people if (p.country or unplaced) and p.country != self.home
        }
        return next(
            (e for e in self.engagements if e.kind == "meeting" and e.counterpart_person in named),
            None,
        )

    def new_meeting(
        self, info: SentenceInfo, mm: re.Match[str], cp: Mention | PersonMention
    ) -> Engagement:
        text, s = self.text, info.sentence
        org = cp.organisation if isinstance(cp, PersonMention) else cp
        kind = "embassy_visit" if org is not None and org.org_kind == "embassy" else "meeting"
        if kind == "embassy_visit" and self.lang.host_verb.search(mm.group()):
            # a foreign mission's officer received is a meeting ("đã tiếp Tùy viên Cảnh sát Đại
            # sứ quán Pháp", "the CP played host to the Chargé d'Affaires of the Embassy of A"):
            # the embassy visit is a delegation's to its own mission
            kind = "meeting"
        e = Engagement(kind, info, (mm.start(), mm.end(), mm.group()))
        # ("had an online meeting with": the verb's match is "meeting with", its mode before it)
        before = text[max(s.start, mm.start() - 25) : mm.start()]
        e.remote = bool(_REMOTE.search(mm.group()) or _REMOTE_BEFORE.search(before))
        # "met with X via video link on Wednesday": the mode told after whom it met
        e.remote = e.remote or bool(
            _REMOTE_AFTER.search(text, mm.end(), min(s.end, mm.end() + 160))
        )
        if isinstance(cp, PersonMention):
            e.counterpart_person = cp.person
            e.counterpart = cp.organisation
            e.pair = demonym_subject(text, info, mm, self.previous, cp)
        else:
            e.counterpart = cp
            spokesman = next(
                (
                    p
                    for p in info.people
                    if p.start > mm.end()
                    and p.person >= 0
                    and (
                        (p.organisation is not None and p.organisation.start == cp.start)
                        # "Đoàn Bộ Nội vụ Cuba do đồng chí X, Bộ trưởng …": its head
                        or _LED_BY.fullmatch(text, cp.end, p.extent[0]) is not None
                    )
                ),
                None,
            )
            if spokesman is not None:
                e.counterpart_person = spokesman.person
            e.pair = subject_agency(text, info, mm, cp)
        if kind == "embassy_visit" and e.counterpart_person is not None:
            # (whose envoy: not the home side's, or not the country of the one meeting them)
            meeting = {p.country for p in info.people if p.country and p.end <= mm.start()}
            if org.country != self.home or meeting - {org.country}:
                e.kind = _envoy_met_or_visit(mm.group())
        e.add(info)
        planned = self.lang.cue("planned").search(text[max(s.start, mm.start() - 40) : mm.start()])
        planned = planned or _TO_BE_HELD.search(text, mm.end(), min(s.end, mm.end() + 80))
        if planned:
            e.status, e.status_cue = "planned", span_of(text, s, planned)
        elif ahead := _plan_governs(text, s.start, mm.start(), self.lang.cue("planned")):
            e.status, e.status_cue = "planned", (ahead.start(), ahead.end(), ahead.group())
        return e

    def told_otherwise(
        self, info: SentenceInfo, created: list[Engagement], referenced: list[Engagement]
    ) -> list[Engagement]:
        """Meetings told without a meeting verb and its object: talks between two sides, a
        briefing, a meeting told by its two sides, a counterpart named by country and office."""
        text, home = self.text, self.home
        told = [*talks_between(text, info, home), *briefings(text, info)]
        if not any(e.kind == "meeting" for e in self.engagements):
            told += meeting_opening(text, info, home)
        if self.lang.opening_participle is not None and not created:
            told += participle_opening(text, info, home, self.lang.opening_participle)
        told = [
            e
            for e in told
            if not any(counterpart_key(x) == counterpart_key(e) for x in self.engagements)
            and not self.named_in_list(info, e, referenced)
        ]
        told += [  # a premises visited is its agency met, whoever else the story met
            e
            for e in premises_visited(text, info)
            if not any(x.kind == "meeting" and x.info is info for x in self.engagements + told)
        ]
        if self.language == "en" and not created and not told:
            told += remark_at_session(text, info, home)
        if self.lang.opening_participle is not None and not created and not told:
            told += guest_met_again(
                text, info, self.engagements, home, self.lang.opening_participle
            )
        if not any(e.kind != "visit" for e in created + told):
            told += officials_of_two(text, info)
        if not any(e.kind != "visit" for e in created + told):
            told += guests_from_countries(text, info)
        told += reciprocal_meetings(text, info, self.engagements, created, self.language, home)
        told += signed_by(text, info, self.engagements + told, home)
        if not any(e.kind != "visit" for e in created + told):
            past = self.lang.cue("past_context")
            told += signed_between(text, info, self.engagements + told, home, past)
            told += agencies_between(text, info, self.engagements + told, home, past)
            told += agencies_as_subjects(text, info, self.engagements + told, home)
            told += signed_with(text, info, self.engagements + told, home, past)
            told += signed_jointly(text, info, self.engagements + told, home, past)
        planned_cue = self.lang.cue("planned")
        told += unnamed_counterparts(  # none where the sentence tells a meeting already drafted
            text, info, created + referenced, self.language, self.lang.meet, planned_cue
        )
        told = [e for e in told if not self.dialogue_told_again(info, e)]
        if not (
            created or referenced or told or any(e.kind == "meeting" for e in self.engagements)
        ):
            # the last reading: a sentence that told no session of a series nor any other
            # meeting ("co-chaired the ninth ministerial conference" is the series' session)
            told += sides_as_subjects(text, info, home)
        for e in told:
            e.group = self.groups
            after = e.trigger[1]
            later = _TO_BE_HELD.search(text, after, min(info.sentence.end, after + 80))
            # "A và B sẽ gặp nhau tại Singapore": the sides' meeting yet to come, as a verb's
            sooner = planned_cue.search(
                text[max(info.sentence.start, e.trigger[0] - 40) : e.trigger[0]]
            )
            if e.status == "held" and later:
                # "the meetings between the delegations to be chaired by A and B": yet to come
                e.status, e.status_cue = "planned", span_of(text, info.sentence, later)
            elif e.status == "held" and sooner:
                e.status, e.status_cue = "planned", span_of(text, info.sentence, sooner)
            recalled = self.recalled(info.sentence.start, info.sentence.end)
            if e.status == "held" and not e.context and recalled is not None:
                # "The two sides held a bilateral meeting in A last month, Tam recalled": a
                # meeting the sentence recalls, beside the story's own
                e.context, e.context_cue = True, span_of(text, info.sentence, recalled)
            self.engagements.append(e)
            created.append(e)
        return told

    def dialogue_told_again(self, info: SentenceInfo, e: Engagement) -> bool:
        """ "A cùng người đồng cấp nước bạn ghi nhận … gặp gỡ …" after the conference A
        co-chaired: a meeting whose one met co-chairs a dialogue drafted before, in a sentence
        with no date of its own, is that dialogue told again."""
        if e.kind != "meeting" or info.dates or e.counterpart_person is None:
            return False
        return any(
            x.kind == "dialogue"
            and not x.context
            and x.status == "held"
            and getattr(x.participants.get(e.counterpart_person), "role", None) == "co_chair"
            for x in self.engagements
        )

    # --- what the sentence is about -------------------------------------------------------

    def follow(
        self, info: SentenceInfo, created: list[Engagement], referenced: list[Engagement]
    ) -> None:
        """What the sentence is about when it reports nothing new: an earlier or planned
        engagement, or a trip only alluded to, does not take over what the story is about."""
        live = [
            e
            for e in created + referenced
            if not e.context and e.status == "held" and not (e.implied and e in created)
        ]
        if not live:
            live = self.still_told(info, created)
            for e in live:
                e.add(info)
                if not another_time(e, info):
                    add_participants(self.text, info, e, self.language)
        sessions = [e for e in live if e.kind != "visit"]
        told_here = any(e.kind != "visit" for e in created)
        focus = self.focus
        joined = _JOINED_TRIP.search(info.sentence.text) is not None  # the trip's alone
        if (
            live
            and not sessions
            and not told_here
            and not joined
            and any(f.kind != "visit" for f in focus)
        ):
            # a sentence about the trip itself ("Wray, who is on a visit, said …") still
            # tells the session being reported
            for f in focus:
                if f.kind != "visit":
                    f.add(info)
                    add_participants(self.text, info, f, self.language)
        elif live:
            self.focus = sessions or live

    def still_told(self, info: SentenceInfo, created: list[Engagement]) -> list[Engagement]:
        s = info.sentence
        main = self.main
        told = dialogue_mentions(self.text, info, self.language)
        if main is not None and main not in created and told:
            return [main]
        if any(e.kind != "visit" or e.status != "held" or e.context for e in created):
            # the sentence tells a planned or past session (or trip): what it says was agreed
            # may still be the current session's topic, but its people are the other's
            for e in self.focus:
                e.add(info)
            return []
        if self.last_group and _words("meeting_words", self.language, re.I).search(s.text):
            return _whose(self.last_group, info, self.home)
        if self.focus and _SIDES_MEMBERS.match(s.text):
            # "Representatives of the Thai side included A, …", "The Chinese delegation was
            # led by X … and included: A, …": who each side sent to the session told
            return [f for f in self.focus if f.kind != "visit"] or self.focus
        if _JOINED_TRIP.search(s.text) and self.visits and self.visits[-1] not in created:
            return [self.visits[-1]]  # "Tham gia các hoạt động của đoàn có Đại sứ …": the trip's
        visit_words = _words("visit_words", self.language, 0)
        if visit_words.search(s.text) and self.visits and self.visits[-1] not in created:
            return [self.visits[-1]]
        if len(self.last_group) > 1:
            # "X wished Cambodian Ambassador Y a happy New Year" after the list's Lao meeting
            # was told: Y's meeting of the list
            named = _whose(self.last_group, info, self.home)
            if len(named) < len(self.last_group):
                return named
        return _whose(self.focus, info, self.home)


# what tells a session as held between a plan's word and the session's verb ("will see him
# heading to the headquarters for talks with X" has none; "will continue the cooperation they
# agreed when they met" has one)
_HELD_BETWEEN = re.compile(
    r"(?<!\w)(?:đã|vừa|cho biết|held|met|had|has|have|was|were|did|said|told|\w+ed)(?!\w)", re.I
)
_CLAUSE_BREAK = re.compile(r"[,;:(]|\s(?:and|but|while|as|after|before|và|nhưng|sau khi)\s")


def _plan_governs(text: str, floor: int, at: int, planned: re.Pattern[str]) -> re.Match[str] | None:
    """A plan's word further back than the verb's own window, in the same clause with no held
    verb after it: "His itinerary for Monday will see him heading to the headquarters for
    talks with X" (the talks are a plan; the window of 40 characters before the verb missed
    `will`)."""
    start = max(floor, at - 120)
    breaks = list(_CLAUSE_BREAK.finditer(text, start, at))
    start = breaks[-1].end() if breaks else start
    found = None
    for m in planned.finditer(text, start, at):
        found = m
    if found is None or _HELD_BETWEEN.search(text, found.end(), at):
        return None
    return found


def _whose(group: list[Engagement], info: SentenceInfo, home: str) -> list[Engagement]:
    """Of one verb's meetings (one per counterpart), those a later sentence tells by whom it
    names: "At the reception for Lao Ambassador X" after "received ambassadors of Laos,
    Cambodia and China" goes on about the Lao one only (x-fields5: X joined all three)."""
    named = {p.country for p in info.people if p.country and p.country != home}

    def country(e: Engagement) -> str | None:
        c = e.counterpart
        return None if c is None else (c.key if c.kind == COUNTRY else c.country)

    if len({country(e) for e in group}) < 2:
        return list(group)
    return [e for e in group if country(e) in named] or list(group)


# a trip told as long past: "last visited X 19 years ago", "two decades ago"
_LONG_AGO = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|a few|a couple of|some|many|several) (?:years|decades|months) ago\b",
    re.I,
)
_LAST_TIME = re.compile(r"\blast\s+$")
# right after the trip's words and destination: "during his visit to Chile last year", "chuyến
# thăm Lào năm ngoái": a trip of an earlier year or month, told for context
_LAST_PERIOD = re.compile(
    r"\s*(?:last (?:year|month|week)|the (?:previous|year before|month before)\b|"
    r"(?:hồi )?(?:năm|tháng) (?:ngoái|trước)(?!\w))"
)
# an invitation just before the verb ("nhận lời mời sang thăm", "invited to visit"), or one and
# its infinitive, however long whom it invites: "the invitation of the
# Serbian side to the leadership of the Russian ministry to visit Belgrade", "invited X, Y and Z
# to visit Vietnam at a convenient time" (two noise drafts of the helpers' pages, round eleven)
_INVITED_TO = re.compile(r"(?:mời|lời mời|invit\w*)\b[^.;]{0,40}$|\binvit\w*\b[^;]{0,160}?\bto\s+$")


# a sentence that lists a side's people at the session just told (x-people7 pages 004 and 012:
# "Representatives of the Thai side included Pol Maj Gen A, …", "The Chinese delegation was
# led by X, …, and included: A, …; B, …", "Indian delegation included Shri A, …")
_SIDES_MEMBERS = re.compile(
    r"\W*(?:(?:The|the)\s+)?(?:(?:Representatives|Members)\s+of\s+the\s+[A-Z][\w-]*\s+"
    r"(?:side|delegation)|[A-Z][\w-]*\s+(?:side|delegation|delegates))\s+"
    r"(?:(?:was|were)\s+(?:led|headed)\s+by\b[^.]*?\b)?(?:also\s+)?(?:included|comprised)\b"
    r"|\W*(?:Thành phần|Thành viên)\s+(?:đoàn|phía)\b"
)
# who joined the delegation's programme: of its trip, whichever session was told last
_JOINED_TRIP = re.compile(
    r"(?:tham gia các hoạt động của đoàn|joined the delegation(?:['’]s)? (?:programme|activities))",
    re.I,
)


# a trip the sentence's other news comes before: its clause opens on "ahead of" (no comma)
_AHEAD_OF = re.compile(r"(?:[Aa]head of|[Ii]n the run-up to|[Tt]rước thềm)\s[^,.;:]{0,110}$")


# "his November 16-19 trip to the nation": the country the sentence names, told again
_THE_NATION = re.compile(r"(?:\s+the)?\s+(?:nation|country)\b")


# "…; chào Chủ nhiệm …", "…, tọa đàm với …": a verb opening an item of a list of sessions
_LIST_ITEM = re.compile(r"[,;]\s*(?:(?:và|rồi|đã|cũng|and|then|also)\s+)*$")


def _same_subject(text: str, e: Engagement, created: list[Engagement]) -> None:
    """ "Đoàn A cũng làm việc với B, C; chào D": a session of a list, told by a verb after a
    comma or a semicolon, shares the subject of the list's first verb, and its side."""
    if e.pair or not _LIST_ITEM.search(text, e.info.sentence.start, e.trigger[0]):
        return
    before = next(
        (c for c in reversed(created) if c.info is e.info and c.kind == "meeting" and c.pair),
        None,
    )
    if before is not None and (e.counterpart is None or e.counterpart.country != before.pair[0][0]):
        e.pair = list(before.pair)


def _counterparts_not_travellers(told: list[Engagement]) -> None:
    """ "In the course of the trip the team also saw city police chief X": whom a session of
    the sentence met is its counterpart, not one of the trip's travellers (x-recall3 027: X
    was the trip's attendee, and the trip matched nothing)."""
    met = {e.counterpart_person for e in told if e.kind == "meeting" and e.counterpart_person}
    for trip in (e for e in told if e.kind == "visit"):
        for person in met:
            part = trip.participants.get(person)
            if part is not None and part.role != "delegation_head":
                del trip.participants[person]


def _one_foreign_country(info: SentenceInfo, home: str) -> Mention | None:
    """The one foreign country the sentence names (r05 of x-recall2's pages: "leaders of
    Thailand's … bodies … during his trip to the nation")."""
    foreign = [p for p in info.places if p.kind == COUNTRY and p.key != home]
    return foreign[0] if len({p.key for p in foreign}) == 1 else None


# "chương trình làm việc", "lịch làm việc": the agenda of a trip, a noun, not a session
# a list of what an agreement commits the sides to, after its colon: plans, not trips
_COMMITMENTS = re.compile(r"(?<!\w)(?:các |những )?(?:cam kết|nội dung hợp tác)\s*:[^.]*$")
_PROGRAMME = re.compile(r"(?<!\w)(?:[Cc]hương trình|[Ll]ịch trình|[Ll]ịch|[Kk]ế hoạch)\s+$")


# between an agency as the subject and its verb: "Đồn Biên phòng A (…) đã tổ chức hội đàm với"
_SUBJECT_GAP = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:(?:đã|vừa|cũng|has|have)\s+)*(?:(?:tổ chức|có)\s+)?"
    r"(?:(?:các |những )?(?:buổi|cuộc)\s+)?$"
)


def subject_agency(
    text: str, info: SentenceInfo, mm: re.Match[str], cp: Mention
) -> list[tuple[str, Mention]]:
    """ "Đồn Biên phòng A đã hội đàm với Đội Quản lý biên giới B": the agency of another
    country right before the verb, its subject, is the meeting's other side (with no one of
    it named, it was missing from the sides)."""
    subject = next(
        (
            o
            for o in reversed(info.orgs)
            if o.end <= mm.start()
            and _SUBJECT_GAP.fullmatch(text, o.end, mm.start())
            # (not the agency in a person's titles: "X, Thứ trưởng Bộ Công an đã …")
            and not any(p.extent[0] <= o.start < p.extent[1] for p in info.people)
        ),
        None,
    )
    if subject is None:
        # "a working group of the A Provincial Police (Laos) visited …": an agency the
        # gazetteer lacks, its country in brackets before the verb
        return _bracketed_subject(text, info, mm, cp)
    if not subject.country or subject.country == cp.country:
        return []
    return [(subject.country, subject)]


_BRACKETED_BEFORE = re.compile(r"\(([^()]{1,60})\)\s*(?:(?:đã|vừa|cũng|has|have)\s+)*$")


def _bracketed_subject(
    text: str, info: SentenceInfo, mm: re.Match[str], cp: Mention
) -> list[tuple[str, Mention]]:
    m = _BRACKETED_BEFORE.search(text, info.sentence.start, mm.start())
    if m is None:
        return []
    country = next(
        (x for x in info.places if x.kind == COUNTRY and m.start(1) <= x.start < m.end(1)), None
    )
    if country is None or country.key == cp.country:
        return []
    return [(country.key, country)]


# "He also met …", "The minister then met …": a subject by pronoun or bare title
_BARE_SUBJECT = re.compile(
    r"\s*(?:[^,.;]{1,40},\s*)?(?:He|She|They|[Tt]he (?:minister|official|officials|delegation|"
    r"visitors?|guests?|police chief|chief|secretary))\s+(?:(?:also|then|later)\s+)?$"
)


def demonym_subject(
    text: str,
    info: SentenceInfo,
    mm: re.Match[str],
    previous: SentenceInfo | None,
    cp: PersonMention,
) -> list[tuple[str, Mention]]:
    """ "The Australian minister met X", or "The Australian minister was in Jakarta. He met X":
    a subject named only by their country's adjective is that country's side of the meeting
    (with no one of it named, the side was missing: the held-out set's 'a subject "He" whose
    country is only a demonym')."""
    s = info.sentence
    subject, where = _DEMONYM_SUBJECT.match(text, s.start, mm.start()), info
    subject = subject or _DELEGATION_OF_SUBJECT.match(text, s.start, mm.start())
    if (
        subject is None
        and previous is not None
        and _BARE_SUBJECT.fullmatch(text, s.start, mm.start())
    ):
        p = previous.sentence
        subject, where = _DEMONYM_SUBJECT.match(text, p.start, p.end), previous
    if subject is None:
        return []
    country = next(
        (x for x in where.places if x.kind == COUNTRY and x.start == subject.start(1)), None
    )
    if country is None or country.key == cp.country:
        return []
    return [(country.key, country)]


def received_with(last: tuple[Mention | PersonMention, Engagement], cp: PersonMention) -> None:
    """The deputy received with the head of their body takes part in the head's meeting, of
    the head's body and country when named without them."""
    head, e = last
    assert isinstance(head, PersonMention)
    cp.organisation = cp.organisation or head.organisation
    cp.country = cp.country or head.country
    head.organisation = head.organisation or cp.organisation
    head.country = head.country or cp.country
    if e.counterpart is None:
        e.counterpart = cp.organisation
    e.participants[cp.person] = Participation(cp.person, cp, "attendee")


def _office_named(sentence: str, who: PersonMention) -> bool:
    """Is the person referred to by the head word of their title ("the US ambassador" for
    "US Ambassador to Pakistan X")?"""
    head = next((re.split(r"\s+(?:to|of|for|at|in)\s+", t[2])[0] for t in who.titles), "")
    words = re.findall(r"\w+", head)
    return bool(words) and re.search(rf"(?i)\bthe\s+(?:\w+\s+)?{words[-1]}\b", sentence) is not None


def _called_on(text: str, mm: re.Match[str], cps: list[Mention | PersonMention]) -> bool:
    """ "visited Defense Secretary X": a person visited, named with their titles right after
    the verb, was called on."""
    first = cps[0] if cps else None
    return isinstance(first, PersonMention) and bool(
        re.fullmatch(r"\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}", text[mm.end() : first.extent[0]])
    )


def same_session_of_pair(engagements: list[Engagement], dm: DialogueMention) -> Engagement | None:
    """ "the 9th Meeting of the A-B Working Group on Cyber Issues", later "the A-B Cyber
    Joint Working Group's 9th meeting": one session of the same
    two countries' series named by two head words; the series' word wins over a meeting's."""
    pair = {c for c, _ in dm.pair}
    if len(pair) < 2:
        return None
    target = next(
        (
            e
            for e in engagements
            if e.kind == "dialogue"
            and e.session == dm.session
            # (the meeting's mention may name no countries: "a joint text after the 9th Meeting")
            and {c for c, _ in e.pair} in (pair, set())
        ),
        None,
    )
    if target is not None and dm.noun == "dialogue":
        target.noun = "dialogue"
    return target


# "met with their counterparts, led by X, at the second A-B Ministerial Council meeting": the
# session of the series the sentence names is where they met
_AT_THE_SESSION = re.compile(r"[^.;]{0,160}?,?\s(?:at|during)\s+(?:the\s+)?$")


def _session_met_at(text: str, mm: re.Match[str], created: list[Engagement]) -> Engagement | None:
    """The series' session (a dialogue this sentence names) that a meeting verb's object met
    at: the verb tells that session, not a meeting of its own (x-en6: 2 of its 16 development
    pages tell a council's or a working group's session by who met whom at it)."""
    for e in created:
        if e.kind != "dialogue" or e.name is None or e.name[0] < mm.end() or e.context:
            continue
        if len({c for c, _ in e.pair}) != 2:
            continue  # a gathering of many: "had bilateral meetings … during the Conference"
        if _AT_THE_SESSION.fullmatch(text, mm.end(), e.name[0]):
            return e
    return None


def outermost_named(mentions: list[DialogueMention]) -> list[DialogueMention]:
    """ "Hội nghị Đối thoại An ninh chiến lược … lần thứ 3": one session named by two head
    words; the dialogue's name inside the conference's is the one kept (its words are the ones
    another report of the session uses), so the session is drafted once."""
    inner = [
        d
        for d in mentions
        if any(o is not d and o.span[0] <= d.span[0] and d.span[1] <= o.span[1] for o in mentions)
    ]
    outer = [
        o
        for o in mentions
        if any(d is not o and o.span[0] <= d.span[0] and d.span[1] <= o.span[1] for d in inner)
    ]
    return [d for d in mentions if d not in outer or d in inner]


# "…, where he held an important meeting with", "…, where she met": a relative clause of the
# place visited, telling what was done there
_WHERE_HE = re.compile(
    r",\s+where\s+(?:he|she|they|the\s+\w+)\s+(?:also\s+)?(?:(?:held|had)\b[^,;.]{0,30})?$"
)


def find_engagements(
    text: str, infos: list[SentenceInfo], persons: list[Person], language: str, home: str
) -> list[Engagement]:
    """The engagements the story's sentences report, in the order they are first told."""
    # a page that is only a photo caption ("Chú thích ảnh: Ngày 25/6, … đã có buổi làm việc
    # tại …") is read as the story it stands for; its engagements are flagged caption-only
    captions_only = not any(i.sentence.role == BODY for i in infos)
    finder = Finder(text, language, home, captions_only=captions_only)
    for info in infos:
        finder.sentence(info)
    if captions_only or any(e.status == "held" and not e.context for e in finder.engagements):
        return finder.engagements
    # a story that tells no engagement of its own but goes on about one its photo's caption
    # shows ("Ảnh: …" under "X làm việc với Y tại FBI", then "Tại buổi làm việc, X …"): the
    # caption is where the page tells it, read as the story, and flagged caption-only
    if not any(i.sentence.role == CAPTION for i in infos):
        return finder.engagements
    finder = Finder(text, language, home, captions_only=True)
    for info in infos:
        finder.sentence(info)
    return finder.engagements


# "the Russian delegation's visit", "the Thai police delegation’s working visit": whose trip it is
_VISITORS_OWN = re.compile(
    r"\b[Tt]he\s+([A-Z][\w-]+)\s+(?:[a-z][\w-]*\s+){0,2}delegation[’']s\s+"
    r"(?:(?:official|working|current|ongoing|recent)\s+)?$"
)


# "A four-member delegation of the US embassy called on X", "A delegation from Qatar met X": the
# subject's country after the delegation's words
_DELEGATION_OF_SUBJECT = re.compile(
    r"(?:[A-Z]{3,}\s*:\s*)?(?:A|An|The)\s+(?:[\w-]+-member\s+|high-level\s+)?delegation\s+"
    r"(?:of|from)\s+(?:the\s+)?(\S+)"
)
_DEMONYM_SUBJECT = re.compile(
    # ("The New Zealand minister": a country of two words)
    r"(?:The|the)\s+(\S+(?:\s+[A-Z]\S+)?)\s+(?:official|officials|delegation|guest|guests|"
    r"minister|visitor|visitors|police chief)\b"
)


def delegation_countries(
    info: SentenceInfo, vm: re.Match[str], destination: str | None
) -> list[tuple[str, Mention]]:
    """ "led a Thai police delegation to Vietnam": the country named in the delegation's words
    is the travellers'; so is the organisation whose trip it is ("chuyến thăm Việt Nam của Đoàn
    Tổng cục Cảnh sát quốc gia Hàn Quốc")."""
    found: list[tuple[str, Mention]] = [
        (p.key, p)
        for p in info.places
        if p.kind == COUNTRY and vm.start() <= p.start < vm.end() and p.key != destination
    ]
    text = info.sentence.text
    base = info.sentence.start
    if not found:
        found += delegation_before(info, vm, destination)
    # "The Korean official is on a visit to Vietnam", "the Lao delegation is visiting …": the
    # travellers named by their country's adjective as the subject
    subject = _DEMONYM_SUBJECT.match(text)
    if subject and not found:
        found += [
            (p.key, p)
            for p in info.places
            if p.kind == COUNTRY and base + subject.start(1) == p.start and p.key != destination
        ]
    for o in info.orgs:
        gap = text[vm.end() - base : o.start - base] if o.start >= vm.end() else ""
        own = re.fullmatch(r"\s*(?:\S+\s+){0,3}?(?:của|of|by)\s+(?:\S+\s+){0,3}", gap)
        if own and o.country and o.country != destination:
            found.append((o.country, o))
    return found


def meets_country(e: Engagement, code: str) -> bool:
    """Whether the meeting's counterpart (its agency, or the side it is paired with) is of
    `code`'s country."""
    if e.counterpart is not None and e.counterpart.country == code:
        return True
    return any(c == code for c, _ in e.pair)


# "Đoàn đại biểu cấp cao Bộ An ninh Quốc gia Trung Quốc do đồng chí X, Thứ trưởng dẫn đầu sang
# thăm Việt Nam", "a delegation of the KNPA led by X visited Vietnam": the travellers before
_LED_BEFORE = re.compile(
    # ("đoàn Công an tỉnh A – Vương quốc Campuchia do X … làm trưởng đoàn, sang": its country
    # after a dash or in brackets, and a comma before the verb)
    r"\s*(?:(?:\([^()]{1,40}\)|[-–]\s*[^,;.()]{1,40}?)\s*)?"
    r"(?:,?\s*(?:do|led by|headed by)\s[^;.]{0,90}?)?\s*(?:dẫn đầu|làm [Tt]rưởng đoàn)?\s*,?\s*"
    r"(?:đã\s+|has\s+|have\s+)?(?:sang\s+|đến\s+|tới\s+)?$"
)
_DELEGATION_WORD = re.compile(
    r"(?:[Đđ]oàn|[Dd]elegation)(?:\s+(?:đại biểu|công tác|cán bộ))?(?:\s+cấp cao)?"
    # ("A delegation of Kenya's Ministry of Interior visited Japan": the country's possessive
    # or adjective before its body; x-recall3)
    r"(?:\s+(?:of|from)(?:\s+the)?(?:\s+[A-Z][\w-]*(?:['’]s)?)?)?\s*$"
)


def other_delegation(
    info: SentenceInfo, vm: re.Match[str], trip: Engagement, code: str | None
) -> bool:
    """The sentence's delegation is another agency's than the travellers of `trip`."""
    ours = delegation_before(info, vm, code)
    theirs = {m.key for _, m in trip.pair if m.kind == ORG}
    return bool(ours and theirs and ours[0][1].key not in theirs)


def delegation_before(
    info: SentenceInfo, vm: re.Match[str], destination: str | None
) -> list[tuple[str, Mention]]:
    """The delegation's agency named before the trip's words, as its subject."""
    text = info.sentence.text
    base = info.sentence.start
    for o in reversed([o for o in info.orgs if o.end <= vm.start()]):
        if not o.country or o.country == destination:
            continue
        before = text[max(0, o.start - base - 30) : o.start - base]
        if _DELEGATION_WORD.search(before) and _LED_BEFORE.match(
            text[o.end - base : vm.start() - base]
        ):
            return [(o.country, o)]
        break
    return []


_BRIEF = re.compile(
    r"(?<!\w)(?:giới thiệu|thuyết trình|trình bày)(?:\s+với)?\s+(?:các đại biểu|đoàn|Đoàn)|\bbriefed\s+"  # noqa: E501
    r"(?:the\s+)?(?:delegation|delegates|visitors)"
)


_BETWEEN = re.compile(
    r"\b(?:talks?|a meeting|meetings|discussions?)\b[^.;]{0,40}?\bbetween\b|"
    r"(?<!\w)(?:cuộc hội đàm|buổi hội đàm|cuộc gặp|buổi làm việc|(?<=diễn ra )[Hh]ội đàm)"
    r"[^.;]{0,30}?(?<!\w)giữa(?!\w)"
)
# the talks told as happening before "giữa" ("đã diễn ra (buổi) hội đàm giữa …")
_TOLD_BETWEEN = re.compile(r"(?<!\w)(?:diễn ra|tiến hành)\s+(?:(?:buổi|cuộc)\s+)?[Hh]ội đàm$")


# "Tại cuộc gặp chiều 13/2 tại Hà Nội, Bộ trưởng A và Đại sứ B đã trao đổi …", "At the meeting
# in Hanoi on Monday, A and B discussed …": a story opening on the meeting's noun, its two sides
# the subjects
_AT_MEETING = re.compile(
    r"(?:(?:Phát biểu|Speaking) (?:tại|trong|at|during)|Tại|Trong|At|During) (?:the )?"
    r"(?:cuộc gặp|buổi gặp|buổi tiếp|buổi làm việc|cuộc làm việc|buổi hội đàm|cuộc hội đàm|"
    r"reception|meeting|talks)(?!\w)"
)
# "Speaking in a joint news conference held in A on Wednesday, X and his B counterpart Y
# stressed …": two sides appearing together after their talks, both of them taking part
_JOINT_APPEARANCE = re.compile(
    r"(?:Phát biểu|Speaking) (?:tại|trong|in|at|during) (?:a |the )?"
    r"(?:joint (?:news|press) conference|cuộc họp báo chung|buổi họp báo chung)(?!\w)"
)
_HIS_COUNTERPART = re.compile(
    r"\s*(?:và|and)\s+(?:(?:his|her)\s+(?:(?:[A-Z][\w-]+ )?counterpart,?\s+)?|"
    r"người đồng (?:cấp|nhiệm)(?: [A-ZĐ]\w*(?: [A-ZĐ]\w*)?)?,?\s+)"
)
# between the phrase "the talks with X," and its clause's subject: the subject's office and
# country ("Trong cuộc hội đàm với Bộ trưởng X, người đồng nhiệm Trung Quốc Y …")
_SUBJECT_TITLES = re.compile(r",\s*(?:(?:người|vị)\s+đồng nhiệm\s+)?(?:[^\s,.;:]+\s+){0,8}")


def _foreign_subject(
    text: str, info: SentenceInfo, met: Mention | PersonMention, home: str
) -> PersonMention | None:
    """ "Trong cuộc hội đàm với Bộ trưởng Quốc phòng Việt Nam X, người đồng nhiệm Trung Quốc Y
    hôm nay …": the talks told by their noun with one of ours, the clause's subject after the
    comma a foreign person; the side met is the foreign one (our own minister stays among
    those named). None unless `met` is a person of ours."""
    if not isinstance(met, PersonMention) or met.country != home:
        return None
    comma = text.find(",", met.extent[1], info.sentence.end)
    if comma < 0:
        return None
    subject = next((p for p in info.people if p.start > comma), None)
    if subject is None or not subject.country or subject.country == home:
        return None
    return subject if _SUBJECT_TITLES.fullmatch(text, comma, subject.extent[0]) else None


# a sentence opening on the host's welcome of the guest ("Chào mừng …", "Hoan nghênh …")
_WELCOME_OPENS = re.compile(r"\s*(?:Chào mừng|Hoan nghênh)\s")
# a clause welcoming the guest opening the sentence ("Chào mừng ngài X … tới làm việc tại …,
# Bộ trưởng Y …", "Welcoming X to the Ministry, Minister Y …"): the visit told again
_WELCOME_BEFORE = re.compile(r"(?:^|\b)(?:[Cc]hào mừng|[Hh]oan nghênh|[Ww]elcoming)\s")
# "Tại buổi tiếp, Thứ trưởng X chào mừng ông Y …": the host welcoming the guest
_WELCOMES = re.compile(r"\s*(?:đã\s+)?(?:nhiệt liệt\s+)?(?:chào mừng|hoan nghênh|welcomed)\s+")
_JOINED = re.compile(r"\s*(?:và|and)\s+")


def meeting_opening(text: str, info: SentenceInfo, home: str) -> list[Engagement]:
    """The first telling of a meeting by its noun: the two persons of two countries joined by
    "và"/"and" after it, the foreign one met."""
    m = _AT_MEETING.match(text, info.sentence.start)
    if m is None:
        return joint_appearance(text, info, home)
    sides = [p for p in info.people if p.start >= m.end() and p.person >= 0][:2]
    if len(sides) < 2:
        return []
    welcomed = sides[0].country == home and _WELCOMES.match(
        text, sides[0].extent[1], sides[1].start
    )
    if welcomed and sides[1].country != home:
        # the guest's country from the delegation named after them ("ông Y cùng Đoàn … Trung
        # Quốc"), when their own titles do not say
        other = sides[1]
        org = other.organisation or next(
            (o for o in info.orgs if o.start > other.end and o.country not in (None, home)), None
        )
    elif _JOINED.fullmatch(text, sides[0].extent[1], sides[1].extent[0]):
        other = _foreign_of_two(sides, home)
        if other is None:
            return []
        org = other.organisation
    else:
        return []
    return [_meeting_with(info, m, other, org)]


def joint_appearance(text: str, info: SentenceInfo, home: str) -> list[Engagement]:
    """Two persons of two countries joined as "X and his B counterpart Y" after a sentence's
    opening joint news conference: their meeting, each of them taking part (the foreign one
    met, the other attending until the sides give roles)."""
    m = _JOINT_APPEARANCE.match(text, info.sentence.start)
    sides = [p for p in info.people if m and p.start >= m.end() and p.person >= 0][:2]
    if m is None or len(sides) < 2:
        return []
    if not _HIS_COUNTERPART.fullmatch(text, sides[0].extent[1], sides[1].extent[0]):
        return []
    other = _foreign_of_two(sides, home)
    if other is None:
        return []
    with_ = sides[0] if other is sides[1] else sides[1]
    return [_meeting_with(info, m, other, other.organisation, (with_,))]


def _foreign_of_two(sides: list[PersonMention], home: str) -> PersonMention | None:
    """Of two persons each of their own stated country, the one not of the home side (the
    first when neither is); None when a country is missing or they share one."""
    first, second = sides
    if first.country is None or second.country is None or first.country == second.country:
        return None
    return second if first.country == home else first


def _meeting_with(
    info: SentenceInfo,
    m: re.Match[str],
    other: PersonMention,
    org: Mention | None,
    attendees: tuple[PersonMention, ...] = (),
) -> Engagement:
    """The meeting told by `m` with `other` (of `org`), the `attendees` taking part."""
    e = Engagement("meeting", info, (m.start(), m.end(), m.group()))
    e.counterpart_person, e.counterpart = other.person, org
    for p in attendees:
        e.participants[p.person] = Participation(p.person, p, "attendee")
    e.add(info)
    return e


# "X made the remark at a working session with Y in Phnom Penh on July 21", "X said at a
# meeting with Y": a wire's session told through what was said at it
_REMARK_AT = re.compile(
    r"\b(?:made|said|stated|affirmed|stressed|noted)\b(?:\s+(?:the|these|this|his|her)\s+"
    r"(?:remarks?|statements?))?\s+(?:at|during)\s+(?:a|the)\s+(?:working session|meeting|"
    r"talks|reception)\s+with\s+"
)


def remark_at_session(text: str, info: SentenceInfo, home: str) -> list[Engagement]:
    """The session a subject spoke at, with the one named after its noun: a meeting of the
    two, the one met being the other country's (a page's own side speaking)."""
    m = _REMARK_AT.search(text, info.sentence.start, info.sentence.end)
    if m is None:
        return []
    named = [p for p in info.people if p.person >= 0]
    speaker = next((p for p in reversed(named) if p.end <= m.start()), None)
    met = next((p for p in named if m.end() <= p.extent[0] <= m.end() + 120), None)
    if speaker is None or met is None or speaker.country == met.country:
        return []
    other = met if speaker.country == home or met.country != home else speaker
    return [_meeting_with(info, m, other, other.organisation, (speaker, met))]


# a subject's titles before their name: "General Secretary of the Lao People's Revolutionary
# Party and President of Laos X"
_TITLES_BEFORE = re.compile(r",\s*(?:(?:[A-Z][\w'’.-]*|and|for|of|the|'s|’s|,)\s*)*")
# … or first where and when the session was: "Meeting with X, title, in Hanoi on July 29, PM Y
# suggested …" (the opening phrase of a wire's reception, r09 of x-recall2's pages)
_SETTING_THEN_TITLES = re.compile(
    r",\s*(?:(?:in|at|on|earlier|later)\b[^,;.]{1,40},\s*)*"
    # ("Politburo member and Standing member of the Secretariat … Y": the Party's titles)
    r"(?:(?:[A-Z][\w'’.-]*|and|for|of|the|member|'s|’s|,)\s*)*"
)


def _opening_phrase(
    text: str, info: SentenceInfo, participle: re.Pattern[str]
) -> tuple[re.Match[str], int] | None:
    """The participle or session noun opening the sentence, and the first comma after it."""
    s = info.sentence
    m = participle.match(text, s.start)
    comma = text.find(",", m.end(), s.end) if m else -1
    return None if m is None or comma < 0 else (m, comma)


def participle_opening(
    text: str, info: SentenceInfo, home: str, participle: re.Pattern[str]
) -> list[Engagement]:
    """ "Talking with the Vietnamese minister, Lao President X appreciated …", "Welcoming India's
    Deputy NSA X at his office, Minister Y affirmed …": the sentence opens on the meeting, its
    two sides are the one named in the opening phrase and the subject after it; the one met is
    the side of the other country (the page's home side's counterpart)."""
    s = info.sentence
    opened = _opening_phrase(text, info, participle)
    if opened is None:
        return []
    m, comma = opened
    named = [p for p in info.people if p.person >= 0]
    # the opening phrase runs to the first comma after the person it names, if it names one
    opening = next((p for p in named if p.start < comma), None)
    if opening is not None:
        comma = text.find(",", opening.extent[1], s.end)
    subject = next((p for p in named if p.start > comma > 0), None)
    # (a subject whose titles were read back over the comma, "… Somsak Thepsuthin, Hung said":
    # the name itself opens the clause)
    begin = subject.extent[0] if subject is not None and subject.extent[0] > comma else None
    if subject is not None and begin is None:
        begin = subject.start
    if subject is None or not _SETTING_THEN_TITLES.fullmatch(text, comma, begin):
        return []  # the clause after the opening phrase must begin with its subject
    if opening is None:
        # "Talking with the Vietnamese minister, X …": the home side named by its country only
        ours_named = [
            p
            for p in info.places
            if p.kind == COUNTRY and p.key == home and m.end() <= p.start < comma
        ]
        if not ours_named or subject.country == home:
            return []
        other = subject
    else:
        sides = [opening, subject]
        foreign = [p for p in sides if p.country and p.country != home]
        if len(foreign) != 1 or not any(p.country == home for p in sides):
            return []
        other = foreign[0]
    # the two sides take part, whatever the verb of the main clause
    sides = tuple(p for p in (opening, subject) if p is not None)
    e = _meeting_with(info, m, other, other.organisation, sides)
    if opening is None:
        e.pair = [(home, ours_named[0])]  # our side takes part, named by its country
    return [e]


# after the opening phrase: the two sides as the subject ("…, the two sides agreed …")
_BOTH_SIDES = re.compile(r",\s*(?:the two sides|both sides|they|the two officials)\b")
# the guest named by a noun: "Receiving the Japanese guest", "Welcoming the visiting delegation"
_GUEST_NOUN = re.compile(
    r"(?:the|a|an)\s+(?:visiting\s+)?(?:[A-Z][\w'’-]+\s+)?(?:guests?|visitors?|delegation|"
    r"official|counterpart)\b"
)


def guest_met_again(
    text: str,
    info: SentenceInfo,
    engagements: list[Engagement],
    home: str,
    participle: re.Pattern[str],
) -> list[Engagement]:
    """ "At talks with Minister X earlier the same day, the two sides agreed …", "Receiving the
    Japanese guest the same day, Y urged …": a sentence opening on a session of the visiting
    guest with another of the home side, the guest named only by a noun or not at all. The one
    met is the foreign person the story's last meeting was with (r09 of x-recall2's pages: two
    of a guest's three receptions told so)."""
    s = info.sentence
    opened = _opening_phrase(text, info, participle)
    if opened is None:
        return []
    m, comma = opened
    named = [p for p in info.people if p.person >= 0]
    opening = [p for p in named if p.start < comma]
    if opening:
        comma = text.find(",", opening[-1].extent[1], s.end)
        if comma < 0:
            return []
    if any(p.country != home for p in opening):
        return []  # a foreign person named: participle_opening's reading
    subject = next((p for p in named if p.start > comma), None)
    if len(opening) == 1 and _BOTH_SIDES.match(text, comma):
        host = opening[0]
    elif not opening and _GUEST_NOUN.match(text, m.end()) and subject is not None:
        begin = subject.extent[0] if subject.extent[0] > comma else subject.start
        if subject.country != home or not _SETTING_THEN_TITLES.fullmatch(text, comma, begin):
            return []
        host = subject
    else:
        return []
    told = [p.key for p in info.places if p.kind == COUNTRY and m.end() <= p.start < comma]
    guest = _story_guest(engagements, home, told)
    if guest is None or any(
        e.kind == "meeting" and counterpart_key(e) == guest.person and host.person in e.participants
        for e in engagements
    ):
        return []
    return [_meeting_with(info, m, guest, guest.organisation, (host, guest))]


def _story_guest(
    engagements: list[Engagement], home: str, countries: list[str]
) -> PersonMention | None:
    """The foreign person the story's last held meeting was with (of the country named, if
    one is)."""
    for e in reversed(engagements):
        if e.kind != "meeting" or e.context or e.status != "held" or e.counterpart_person is None:
            continue
        p = e.participants.get(e.counterpart_person)
        if p is None or p.mention.country in (None, home):
            continue
        return p.mention if not countries or p.mention.country in countries else None
    return None


# "A and B agreed … during talks in Hanoi on October 16", "A and B co-chaired a meeting in
# Vientiane": the meeting told by its noun after its two sides, the sentence's subjects (two of
# the 14 pages of the read set that drafted nothing)
_SUBJECTS_MET = re.compile(
    r"\b(?:during|at|in) (?:their |the |a )?(?:bilateral )?(?:talks|meeting|working session)\b|"
    r"\bco-chaired (?:a|the|their) (?:[\w-]+ ){0,2}?(?:meeting|talks|conference)\b|"
    # "Interior ministers of A and B, X and Y, had talks in Dushanbe": the two as subjects
    r"\b(?:had|held) (?:bilateral )?(?:talks|a meeting)\b(?!\s+with\b)"
)

# "and Thai Police Commissioner General X": the second side's titles may open on words its
# titles do not take ("X, and the Colombian Minister of Defense, Y": a comma and an article;
# two subjects each in apposition, joined after a comma)
_SUBJECTS_JOINED = re.compile(r"\s*,?\s*and\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}")


def _inside_titles(p: PersonMention, q: PersonMention) -> bool:
    """Does `p`'s name lie within `q`'s titles (another person's extent, not its name)?"""
    return p is not q and q.extent[0] <= p.start and p.end <= q.start


def sides_as_subjects(text: str, info: SentenceInfo, home: str) -> list[Engagement]:
    """A meeting told by its noun after its two sides, the sentence's subjects, each of their
    own country: the foreign one met."""
    m = _SUBJECTS_MET.search(text, info.sentence.start, info.sentence.end)
    named = [p for p in info.people if m and p.end <= m.start() and p.person >= 0]
    # (not a word of another's titles read as a name: "Director-General of the Spanish Civil
    # Guard, X": "Civil Guard" inside X's titles is no side)
    sides = [p for p in named if not any(_inside_titles(p, q) for q in named)][:2]
    if m is None or len(sides) < 2:
        return []
    if not _SUBJECTS_JOINED.fullmatch(text, sides[0].extent[1], sides[1].extent[0]):
        return []
    other = _foreign_of_two(sides, home)
    if other is None:
        return []
    return [_meeting_with(info, m, other, other.organisation, tuple(sides))]


# "Before that, officials of Laos and Thailand held another round at the director level": a
# meeting told by the two countries whose officials held it, no one named
_OFFICIALS_OF_TWO = re.compile(
    r"\b(?:officials|officers|delegations|representatives|ministers|heads|leaders|chiefs)\s+"
    r"(?:of|from)\s+(?:the\s+)?(?P<a>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+and\s+(?:the\s+)?"
    r"(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+(?P<verb>(?:held|had)\s+(?:a|an|another|the|their)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks))\b(?!\s+with\b)"
)


# "agreed at a bilateral meeting held at the level of interior ministries between Laos and Thailand"
_HELD_BETWEEN_TWO = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:bilateral\s+)?(?P<verb>meeting|talks)\s+(?:was\s+|were\s+)?held\s+"
    r"(?:[^,.;]{0,40}?\s+)?between\s+(?:the\s+)?(?P<a>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+and\s+"
    r"(?:the\s+)?(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\b"
)


# "A joint sitting of the ministries of internal affairs of Latvia and Estonia … was held": a
# session of two countries' agencies, the countries named as its owners
_JOINT_OF_TWO = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+joint\s+(?P<verb>sitting|session|meeting)\s+of\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+){0,6}?(?P<a>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+and\s+(?:the\s+)?"
    r"(?P<b>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\b"
)


def officials_of_two(text: str, info: SentenceInfo) -> list[Engagement]:
    """A meeting of two countries' officials, each country named as theirs."""
    out = []
    s = info.sentence
    found = [
        *_OFFICIALS_OF_TWO.finditer(text, s.start, s.end),
        *_HELD_BETWEEN_TWO.finditer(text, s.start, s.end),
        *_JOINT_OF_TWO.finditer(text, s.start, s.end),
    ]
    for m in found[:1]:
        sides = []
        for side in ("a", "b"):
            c = next(
                (p for p in info.places if (p.start, p.end) == m.span(side) and p.kind == COUNTRY),
                None,
            )
            if c is not None:
                sides.append((c.key, c))
        if len(sides) != 2 or sides[0][0] == sides[1][0]:
            continue
        e = Engagement("meeting", info, (m.start("verb"), m.end("verb"), m["verb"]), pair=sides)
        e.add(info)
        out.append(e)
    return out


# "Brigadier X, the ministry's inspector, received guests from Chad, Peru and Fiji": the
# Gulf agencies' receptions of several countries' guests unnamed, one
# meeting with each country (the gold's rule for a list of counterparts; x-world2 page 006)
_GUESTS_FROM = re.compile(
    r"\b(?P<verb>received|hosted|welcomed|met(?: with)?)\s+(?:(?:the|several|a number of)\s+)?"
    r"(?:guests|delegations|delegates|officials|representatives|visitors)\s+from\s+"
    r"(?P<list>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:\s*,\s*(?:and\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*"
    r"(?:\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?)"
)


def guests_from_countries(text: str, info: SentenceInfo) -> list[Engagement]:
    """One meeting with each country whose guests were received, no guest named."""
    out: list[Engagement] = []
    for m in _GUESTS_FROM.finditer(text, info.sentence.start, info.sentence.end):
        for c in _listed_countries(text, *m.span("list")).values():
            e = Engagement("meeting", info, (m.start("verb"), m.end("verb"), m["verb"]))
            e.pair = [(c.key, c)]
            e.add(info)
            out.append(e)
    return out


def _listed_countries(text: str, a: int, b: int) -> dict[str, Mention]:
    """The countries of a list, each item looked up whole: in "guests from Gambia, Jordan and
    Italy" a name that is also a person's (Jordan) is the country."""
    found: dict[str, Mention] = {}
    for item in re.finditer(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?", text[a:b]):
        code = country_aliases().get(item.group())
        if code is not None and code not in found:
            at = a + item.start()
            found[code] = Mention(at, at + len(item.group()), item.group(), COUNTRY, code, code)
    return found


def talks_between(text: str, info: SentenceInfo, home: str) -> list[Engagement]:
    """ "after talks in Phnom Penh between A and B": a meeting of A and B."""
    out = []
    for m in _BETWEEN.finditer(text, info.sentence.start, info.sentence.end):
        sides = [p for p in info.people if p.start >= m.end() and p.person >= 0][:2]
        if len(sides) < 2:
            continue
        other = next((p for p in sides if p.country and p.country != home), sides[-1])
        e = Engagement("meeting", info, (m.start(), m.end(), m.group()))
        e.counterpart_person = other.person
        e.counterpart = other.organisation
        e.add(info)
        out.append(e)
    return out


# "a delegation from Qatar visited the Secretariat Police Station of Islamabad", "the delegation
# visited Central Police Office", "visited the Delhi Police Headquarters": a police agency's
# premises, named without the gazetteer knowing them, visited by a delegation
_PREMISES = re.compile(
    r"\bvisited\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'’&-]*\s+){0,4}?"
    r"(?:Police Station|Police Headquarters|Headquarters|Police Office|Police Service [Cc]entre|"
    r"Police Academy|Police Lines|Police Training (?:Centre|Center|College)|Safe City)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*)?)"
)


def premises_visited(text: str, info: SentenceInfo) -> list[Engagement]:
    """A delegation visiting a police agency's premises abroad met that agency there: a meeting
    (not a trip to the place) hosted by the country of the city or country in the premises'
    name (x-facts: three of seven pages of visiting delegations told so)."""
    s = info.sentence
    out = []
    for m in _PREMISES.finditer(text, s.start, s.end):
        if not re.search(r"(?i)\bdelegation\b", text[s.start : m.start()]):
            continue
        where = next(
            (
                p
                for p in info.places
                if p.kind in (CITY, COUNTRY) and m.start("name") <= p.start < m.end("name")
            ),
            None,
        )
        code = (where.key if where.kind == COUNTRY else where.country) if where else None
        if code is None:
            continue
        e = Engagement("meeting", info, (m.start(), m.end(), m.group()))
        # the travellers: "a delegation from Qatar", "a delegation of the Nepal Police"
        travellers = [
            (p.key, p)
            for p in info.places
            if p.kind == COUNTRY and p.end <= m.start() and p.key != code
        ] + [
            (o.country, o)
            for o in info.orgs
            if o.end <= m.start() and o.country not in (None, code)
        ]
        e.pair = [(code, where), *travellers[:1]]
        e.add(info)
        out.append(e)
    return out


def briefings(text: str, info: SentenceInfo) -> list[Engagement]:
    """An official presenting their agency to the delegation: a meeting with that agency."""
    out = []
    for m in _BRIEF.finditer(text, info.sentence.start, info.sentence.end):
        speakers = [p for p in info.people if p.end <= m.start() and p.organisation is not None]
        if not speakers:
            continue
        p = speakers[-1]
        e = Engagement("meeting", info, (m.start(), m.end(), m.group()))
        e.counterpart, e.counterpart_person = p.organisation, None
        e.participants[p.person] = Participation(
            p.person, p, "speaker", (m.start(), m.end(), m.group())
        )
        e.add(info)
        out.append(e)
    return out


def caption_sessions(
    text: str, info: SentenceInfo, engagements: list[Engagement], language: str
) -> list[Engagement]:
    known = {counterpart_key(e) for e in engagements} | {
        e.counterpart.key for e in engagements if e.counterpart is not None
    }
    out = []
    for e in briefings(text, info):
        if counterpart_key(e) not in known and e.counterpart is not None:
            e.caption = True
            out.append(e)
    # a delegation ("đoàn") of agency A wishing agency B a happy Tết, under its photo:
    # a delegation the story names only there still came
    for e in greeting_visits(text, info, engagements)[0]:
        e.caption = True
        out.append(e)
    return out


def other_hosts(e: Engagement, info: SentenceInfo, home: str) -> bool:
    """Whether the home side's people at `e` differ from those in this sentence."""
    ours = {p.person for p in e.participants.values() if p.mention.country == home}
    here = {p.person for p in info.people if p.country == home}
    return bool(ours and here and not ours & here)


def travelling_sides(info: SentenceInfo, vm: re.Match[str]) -> dict[str, Mention]:
    """The countries of the agencies and places named before a trip's words, each with its
    first mention ("Đoàn cán bộ Tòa án tỉnh A": the province names the court's country)."""
    named = sorted(
        [o for o in info.orgs if o.end <= vm.start() and o.country]
        + [p for p in info.places if p.end <= vm.start()],
        key=lambda x: x.start,
    )
    sides: dict[str, Mention] = {}
    for x in named:
        code = x.key if x.kind == COUNTRY else x.country
        if code:
            sides.setdefault(code, x)
    return sides


def incoming(info: SentenceInfo, home: str) -> bool:
    """A delegation from abroad visiting the home country."""
    return any(p.country and p.country != home for p in info.people) or any(
        o.country and o.country != home for o in info.orgs
    )


# the minutes of a session carried out: the session named after them was held before
_MINUTES_CARRIED_OUT = re.compile(
    r"(?<!\w)(?:thực hiện|triển khai|implementing|implementation of)\s+(?:các\s+|the\s+)?"
    r"(?:[Bb]iên bản(?:\s+(?:ghi nhớ|hội đàm|làm việc|thỏa thuận|thoả thuận))?|minutes of)\s+$"
)


def _resident_mission(info: SentenceInfo, before: int) -> bool:
    """ "Đoàn công tác Tổng Lãnh sự quán Lào tại Đà Nẵng … đến thăm Bộ đội Biên phòng thành
    phố": a delegation of a mission seated in the country it calls on in travels no border; its
    call is a meeting, not a trip."""
    return any(
        o.end <= before
        and o.org_kind == "embassy"
        and o.located is not None
        and o.located != o.country
        for o in info.orgs
    )
