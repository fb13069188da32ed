"""English: how news in English writes trips, meetings and the names of dialogues."""

from __future__ import annotations

import itertools
import re

from timeline.extract.gazetteer import COUNTRY
from timeline.extract.languages.base import Lexicons, countries_of, in_sentence
from timeline.extract.model import DialogueMention, SentenceInfo

_CONFERENCE = r"\b(?:Meeting|Conference)\b"
# "on the sidelines of the 20th AMMTC": the event is where another engagement happened
_SETTING = re.compile(
    r"(?:\bon the (?:sidelines|margins?)|(?<!\w)[Bb]ên lề|\bon the sideline) (?:of )?(?:the )?$"
)


# "received the Distinguished Service Order from …": an honour received, not a guest
_NOT_AWARD = (
    r"(?!\s+(?:an?|the|his|her)\s+(?:[\w'’-]+\s+){0,4}?(?:award|medal|[Oo]rder|honou?r|"
    r"decoration|certificate|prize|degree)\b)"
)


# "have received a number of requests from the FBI", "received support from the AFP": a thing
# received from an agency, not a guest (x-en6)
_NOT_GIVEN = (
    r"(?!\s+(?:(?:an?|the|his|her|their|its|many|several|some|numerous|\d+|a\s+number\s+of|"
    r"a\s+lot\s+of|lots\s+of)\s+)?(?:[\w'’-]+\s+){0,2}?(?:requests?|letters?|support|assistance|"
    r"aid|funding|funds|equipment|information|reports?|complaints?|donations?|messages?|"
    r"applications?|proposals?|invitations?|petitions?|grants?|supplies|help|tips?|documents?)\b)"
)


# "held extensive discussions", "had wide-ranging talks", "held a productive meeting": words of
# the talks' manner between the verb and its noun (x-en6)
_MANNER = (
    r"(?:(?:bilateral|separate|extensive|wide-ranging|in-depth|detailed|fruitful|productive|"
    r"comprehensive|cordial|constructive|frank|candid|high-level|substantive|"
    r"friendly|warm|useful|important|lengthy|brief|closed-door) )*"
)


# "has fully met the requirements of the US side", "meets the needs of": a demand fulfilled, not
# a meeting (x-en6)
NOT_NEEDS = (
    r"(?!\s+(?:(?:the|its|their|his|her|all|these|those|such)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:requirements?|requests?|demands?|needs|targets?|expectations?|criteria|standards?|"
    r"conditions|deadlines?|goals?|obligations?|commitments?|quotas?)\b)"
)


# "the new Thai Ambassador", "Mr. X, the outgoing Ambassador": words of a post's tenure that
# stand between an article and the title
_TENURE = r"(?:newly[- ]appointed|new|outgoing|incoming|departing|visiting)"


# a time told between the talks and whom they were with
# ("held talks in Ankara this week with X": the week a wire's round-up names; x-noise7 009
# lost such talks and kept only the trip)
_WHEN = (
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|"
    r"on [A-Z][a-z]{2,8}\.? \d{1,2}|on \d{1,2} [A-Z][a-z]{2,8}|last week|"
    r"(?:earlier )?this (?:week|month)"
)


# "received on Sunday 27/6/2021 his Yemeni counterpart", "met yesterday with X": a time told
# between the verb and whom it met (the object would otherwise end at "on"); m001, m003, m005
# of the read set print it so, 3 of its 23 English pages
# ("met here on Tuesday with X": Xinhua's "here" for the dateline's city, x-fields5)
_THEN = (
    rf"(?:\s+(?:here\s+)?(?:{_WHEN})(?:\s*\(?\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)?)?"
    r"(?:\s*\([^()]{1,20}\))?,?)?"
)


def _agencies_pair(text: str, info: SentenceInfo, begin: int, end: int) -> list:
    """ "the AFP-INP Senior Officers' Meeting": two agencies of two countries joined by a dash
    name a series between their countries."""
    orgs = [o for o in info.orgs if begin <= o.start < end and o.country]
    for a, b in itertools.pairwise(orgs):
        if a.country != b.country and re.fullmatch(r"\s*[-–/]\s*", text[a.end : b.start]):
            return [(a.country, a), (b.country, b)]
    return _border_pair(text[begin:end], countries_of(info))


# "in Vientiane on 4 March 2024": where and when, in either order, between a session's verb and
# whom it was with
_WHERE_WHEN = (
    rf"(?: (?:in [A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,2}}|(?:{_WHEN})(?:,? \d{{4}})?),?){{0,2}}"
)


_DAY_OR_MONTH = (
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)


# "Dialogue on Migration" (not "the Meeting on June 11": a date, not what the dialogue is on)
_ON_TOPIC = re.compile(
    rf"\s+on\s+(?!{_DAY_OR_MONTH})((?:[A-Z][\w-]*|and)(?:\s+(?:[A-Z][\w-]*|and))*)"
)


# A standing group of two countries' officials, numbered by its meetings ("the 15th meeting of
# the India-UK Joint Working group on counter-terrorism", "the 22nd meeting of the US-Pakistan
# Defence Consultative Group"): recorded as a dialogue, in any case of its words
# ("the eighth meeting of the A-B Ministerial Council on Law and Security", "the second A-B
# Ministerial Council … meeting", "a regular meeting of the A-B working group on cross-border
# cooperation": a council or a working group of two countries, named with both, is a standing
# body too; a working group without them or a number is left out below, x-en6)
_STANDING_GROUPS = (
    "joint working group",
    "consultative group",
    "ministerial council",
    "working group",
)
_STANDING_GROUP = (
    r"\b[Jj]oint [Ww]orking [Gg]roup\b|\b[Cc]onsultative [Gg]roup\b|\b[Mm]inisterial [Cc]ouncil\b|"
    r"\b[Ww]orking [Gg]roup\b"
)
_NTH_MEETING = re.compile(
    r"\b(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth)\s+(?:meeting|session|round)\s+of\s+(?:the\s+)?$",
    re.I,
)


# "during the courtesy visit of X", "at the courtesy call by X": a call told by its noun after
# what its receiver did, the caller named after it
_COURTESY_OF = (
    r"(?<=\w )(?:during|at|on the occasion of) (?:the|a) courtesy (?:call|visit) (?:of|by)"
    r"(?= (?:[A-Z]|the |a ))"
)


# "received a visit from X", "accepted a courtesy visit from X": a visitor received
_VISIT_FROM = (
    r"(?:received|receives|accepted|accepts) an? (?:[\w-]+ ){0,2}?visit from"
    r"(?= (?:[A-Z]|(?:the|a|an|his|her) ))"
)


class English(Lexicons):
    code = "en"
    name = "English"
    visit = re.compile(
        r"\b(?:(?:official|working|state|study|three-day|two-day|four-day|five-day)\s+)?"
        # ("the visiting Saudi minister" is a guest here, not a trip to Saudi Arabia)
        # ("met with visiting Vietnamese Deputy Minister X": the adjective, the guest's trip)
        # ("Sar Kheng receives visiting UK minister": a country's abbreviation as its adjective,
        # before a title or a delegation, is the guest's country, not where the trip goes)
        # ("deterred many people from visiting Thailand", "tourists visiting Bangkok": the
        # gerund after "from" or a crowd's noun is what others do, no trip; x-miss7 005)
        r"(?:visit(?:ed|s)?|(?<!\bthe )(?<!\bfrom )(?<!\bpeople )(?<!\btourists )(?<!\bvisitors )"
        r"visiting(?!\s+[A-Z]\w*(?:ese|ian|ish|an|i)\s+"
        r"(?:[A-Z]|delegation|officials?|minister|guests?|counterpart))"
        r"(?!\s+(?:[A-Z]{2,3}|U\.S\.)\s+(?:[Mm]inister|Secretary|Deputy|Vice|Director|Chief|"
        r"Commissioner|Ambassador|delegation|officials?|counterpart))"
        # ("visiting Seoul police department head X": a place's office, the guest's, x-en6)
        r"(?!\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:[a-z]+\s+){0,3}(?:head|chief|officials?|"
        r"officers|delegation|delegates|minister|commissioner|director|team|counterpart)\b)|trip)\b"
        r"(?:\s+(?:to|in))?(?:\s+the)?|"
        # "arrived in the Saudi capital, Riyadh, at the head of a delegation" (m002, m013)
        r"\b(?:arrived|arrives)\s+in(?:\s+the)?|"
        # "traveled to Austria, Hungary, and the Czech Republic": a trip made, to the places
        # named ("will travel to" is left to the plans' words)
        r"\b(?:travel(?:l)?ed|travels)\s+to(?:\s+the)?(?=\s+[A-Z])|"
        # "the entourage that left for Japan on Wednesday": a departure for a place is the trip
        r"\b(?:left|leaves|departed|departs|set off|sets off)\s+for(?:\s+the)?(?=\s+[A-Z])|"
        # "is leading an MPS delegation to Australia", "led a Thai police delegation to Vietnam"
        r"\b(?:led|leads|leading|headed|heads|heading)\s+(?:a|an|the|his|her|their)\s+"
        r"(?:[\w.-]+\s+){0,4}?delegation\s+to(?:\s+the)?|"
        # "arrived Monday in Manila for two days of talks", "arrived in the Thai capital": a
        # trip, when a place follows (no place, no trip: the rule for trips without a noun)
        r"\barriv(?:ed|es|ing)\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday|yesterday|today)\s+)?in(?:\s+the)?|"
        # "During their stay in Laos from July 14 to 16, the delegation paid a courtesy visit
        # to …": a wire's only telling of the trip whose sessions it lists
        r"\b(?:their|his|her|its|the delegation[’']s)\s+stay\s+in(?:\s+the)?(?=\s+[A-Z])"
    )
    meet = re.compile(
        rf"\b(?:met{NOT_NEEDS}{_THEN}(?: with)?|meets{NOT_NEEDS}{_THEN}(?: with)?|"
        r"meet(?: with)?|meeting with|"
        # "after meeting the head of the FBI, X, and …": the gerund after a preposition of time
        r"(?<=\bafter )meeting(?= (?:the |his |her )?[A-Za-z])|"
        r"(?<=\bbefore )meeting(?= (?:the |his |her )?[A-Za-z])|"
        r"(?<=\bwhile )meeting(?= (?:the |his |her )?[A-Za-z])|"
        # "held talks on Thursday with", "holds talks in Tunis with"
        # ("held extensive discussions with", "held in-depth talks with": the talks' manner)
        rf"(?:held|holds|hold) {_MANNER}(?:talks|a {_MANNER}meeting|"
        r"meetings|a working session|working sessions|discussions)"
        # "held a bilateral meeting in Vientiane on 4 March with": where and when, both told
        rf"{_WHERE_WHEN} with|"
        # "convened today in Dubai with X", "sat down in Rome with X": a wire's and a Gulf
        # agency's verbs for two officials' meeting (x-recall3 pages: 1 of 9 English pages)
        rf"(?:convened|sat down|met up){_WHERE_WHEN} with|"
        # "played host to the Chargé d'Affaires X": the subject received X
        r"(?:played|plays|playing) host to|"
        # ("had separate bilateral meetings with", "had a series of meetings with")
        r"had (?:(?:a )?(?:(?:separate|bilateral|several|series of|number of) ){1,3})?"
        rf"{_MANNER}(?:talks|a meeting|"
        r"meetings|a working session|working sessions|discussions)"
        rf"(?: (?:in [A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,2}}|{_WHEN}))? with|"
        # ("visited the headquarters of X, where he was warmly received by Y": the call on
        # the premises, told again by who received it there; x-miss7 012 drafted it twice)
        r"(?<!\bwhere he was )(?<!\bwhere she was )(?<!\bwhere they were )"
        r"(?<!\bwhere he was warmly )(?<!\bwhere she was warmly )(?<!\bwhere they were warmly )"
        rf"received{_THEN}{_NOT_AWARD}{_NOT_GIVEN}|"
        # "said the Minister while receiving the new Thai Ambassador", "Minister receives
        # outgoing envoy": the present and the participle of the same verb, before a guest
        # named by a capitalised title or name, or a delegation (not "receiving support")
        rf"(?:receives|receiving){_THEN}(?=\s+(?:(?:the|an?|his|her)\s+)?(?:{_TENURE}\s+)?"
        r"(?:[A-Z]|(?:[\w.-]+\s+){0,4}?[Dd]elegation\b))|"
        # "arrived Monday in Laos for talks with Ministry of Security officials": the
        # trip's errand, its session with them
        r"\bfor talks with|"
        # "greeted a delegation from the X police led by Y": a host's word for receiving one
        r"greeted (?=(?:an?|the) (?:[\w.-]+ ){0,4}?[Dd]elegation\b)|"
        # "the IGP welcomed a French delegation led by X", "chaired a meeting to welcome the
        # delegation of the Daejeon City Police", "at his reception for Minister X" (m019, m032,
        # m036 of the read set, three outlets of three countries)
        r"welcomed (?=(?:an?|the) (?:[\w.-]+ ){0,4}?(?:[Dd]elegation|contingent|entourage)\b)|"
        # "the Coast Guard on Tuesday welcomed the Navy of X in a ceremony", "… with arrival
        # honours": an agency received with the forms of a reception
        r"welcomed(?=[^.;]{0,100}?\b(?:in|at|with) (?:an?|the) (?:[\w-]+ ){0,2}?"
        r"(?:ceremony|honou?rs|honou?r guard)\b)|"
        r"(?:chaired|hosted|held|presided over) a (?:meeting|ceremony|reception) to "
        r"(?:welcome|receive)|(?:his|her|their) reception for|"
        # "hosted a reception in Hanoi on July 8 for X": the guest follows "for"
        r"hosted a (?:reception|banquet|dinner|luncheon|lunch)\b[^.;]{0,60}?\bfor|"
        # "X lauded the ties during a reception in Hanoi on April 17 for Ambassador Y": the
        # reception told after what its host said, its guest after "for"
        r"(?<=\w )(?:during|at) (?:a|the|his|her) reception\b(?! for (?:the|a|an) [a-z])"
        r"[^.;]{0,60}?\bfor|"
        r"hosted (?:talks|a meeting|meetings|discussions|a working session) with|hosted(?! by)|"
        # "welcomed X to Canberra for talks": a guest welcomed to a place or a session
        r"welcomed(?=[^.;]{0,120}?\b(?:to [A-Z]|for (?:talks|a meeting|a visit|an? \w+ visit)))|"
        # "welcomed X, Finland's police commissioner, to the Organization's Lyon headquarters"
        r"welcomed(?=[^.;]{0,120}?\bto (?:the|its|our) (?:[A-Z][\w'’-]*\s+){1,3}"
        r"(?:headquarters|[Hh]eadquarters|Secretariat|Ministry)\b)|"
        # "welcomed X at the Peace Palace", "… at the Ministry's headquarters": a reception at
        # a seat of government or of an agency (not an airport's welcome)
        r"welcomed(?=[^.;]{0,80}?\bat the (?:[A-Z][\w'’-]*\s+){1,3}(?:Palace|House|"
        r"Headquarters|Ministry|Secretariat)\b)|"
        # "welcomed the current visit by Deputy Minister X during a reception in Hanoi": the
        # reception told after whom it welcomed
        r"welcomed(?=[^.;]{0,160}?\b(?:during|at) (?:a|the|his|her) reception\b)|"
        # "welcomed Thai Police Commissioner X", "welcomed Mr. X": a person welcomed by name
        # or title is a guest received (not "welcomed the proposal")
        r"welcomed(?= (?:[A-Z][\w'’.-]*\s+){0,3}?(?:Minister|Deputy|Vice|Ambassador|"
        r"Commissioner|Director|Secretary|Chief|Chairman|Governor|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|"
        r"H\.E\.)(?=[\s,]))|"
        r"(?<=to )visit|(?<=will )visit|"
        r"(?:paid|made) (?:a |separate )?courtesy (?:calls?|visits?) (?:on|to)|called on|"
        # "X stressed this during the courtesy visit of Commandant Y at the headquarters": the
        # call told by its noun, its caller after "of"/"by", the clause's subject receiving it
        # (x-miss7: 2 of its 16 development pages, two Philippine outlets)
        rf"{_COURTESY_OF}|"
        # "a delegation of A visited and extended New Year greetings to B", "paid a Tet visit
        # to B": wishes brought in person to the agency greeted (not greetings sent)
        r"(?:visited|came|went),? and (?:extended|conveyed|offered|brought) (?:(?:their|its|his|"
        r"her|the) )?(?:[\w-]+ ){0,3}?(?:greetings|wishes) to|"
        r"(?:paid|made) an? (?:[\w-]+ ){0,3}?(?:greeting|New Year|Tet|Lunar New Year) visits? to|"
        # "the Minister discussed cyber crime with Vietnam's Minister X during her visit": a
        # release tells the session by what was discussed and with whom
        r"(?<!\bsides )(?<!\bthey )discussed (?:[a-z][\w-]*,? ){1,6}?with(?= (?:[A-Z]|(?:his|her|"
        r"their|the) ))|"
        # "Kuwaiti Ambassador to Iraq X, Tuesday, discussed with Iraqi Minister of Interior Y
        # ways to boost …": KUNA's and WAM's order, whom first and what after
        r"(?<!\bsides )(?<!\bside )(?<!\bthey )discussed with(?= (?:[A-Z]|(?:his|her|their|the) ))|"
        r"worked with|visited|toured|"
        # ("held a phone conversation on Thursday with X": when, between the call and whom)
        r"held (?:a )?(?:phone|telephone|video|online) (?:talks|call|conversation|conference)"
        rf"{_WHERE_WHEN} with|"
        r"had (?:a )?(?:phone|telephone|video|online) (?:talks|call|conversation|conference) with|"
        # "conferred with X", "granted an audience to X", "paid a visit to Minister X": a
        # session's verbs of the genre's English (x-miss7: written shapes the meet verbs lacked)
        r"conferred with(?= (?:[A-Z]|(?:his|her|their|the) ))|"
        # "received a visit from X", "accepted a working visit from X" (Indonesian agencies'
        # English for "menerima kunjungan"): a reception, its subject the host
        rf"{_VISIT_FROM}|"
        r"(?:granted|gave|accorded) (?:an )?audience to|"
        r"(?:paid|made) a visit to(?= (?:[A-Z][\w'’.-]*\s+){0,3}?(?:Minister|Ambassador|"
        r"Director|Commissioner|Secretary|Chief|General|Governor|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\b)|"
        r"spoke by phone with|"
        # "praised the cooperation … while hosting X in Phnom Penh", "X told visiting Y that
        # …": a reception told by its host's words (the guest after "hosting", or "visiting")
        r"(?<=while )hosting|(?<=when )hosting|told(?= (?:the )?visiting\b))\b"
    )
    # a full stop ends the object, not the one of an initial or an honorific ("Mr. Todd D.")
    object_end = re.compile(
        # "Senator X, Chairman of …; Senator Y, …; and Congressman Z": a list of the people
        # met, each with their titles, goes on past its semicolons
        # (a page's doubled "; ;" included)
        r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)\.|"
        # ("…, Dr X; the Guinean Minister of …, Y; and Z": the list goes on after "the")
        r";(?!\s*(?:;\s*)*(?:and\s+)?(?:the\s+)?[A-Z])|:|"
        r"\s(?:to discuss|on the sidelines|during|as part of|where|in order|to|"
        r"on|about|and discussed|discussing|the two sides|including)\b|"
        # "the delegation of X working at the Provincial Police", "X, who is currently
        # visiting": the guests' errand, not another one met (m001, m003, m019)
        r",?\s(?:working (?:at|in|with)|who|currently)\b|"
        # "received X in the presence of the Undersecretary": those present are of the host
        r",?\s(?:in the presence of|attended by)\b|"
        # "received Minister A … at the invitation of Minister B": B invited A, B is not met
        r",?\s(?:at|on) the invitation of\b|"
        # "met PM X and held talks with Y": the next verb tells a session of its own
        r",?\s(?:and|then|before|after)\s+(?=(?:also\s+)?(?:held|had|met|received|visited|paid|"
        r"called on|hosted|toured)\b)"
    )

    # ("the police here said": where the speaker is, not the meeting; x-miss7, Yonhap's way)
    here = re.compile(r"\bhere\b(?!\s+(?:is|are|said|says|told|stated|announced)\b)")
    opening_participle = re.compile(
        r"(?:Talking|Meeting|Working|Holding talks|Welcoming|Receiving|Hosting)\s+(?:with\s+)?|"
        # "While meeting with X, …, Zhao said": a list of officials met one by one, each told
        # by the clause opening its sentence
        r"(?:While|When) (?:meeting|talking|holding talks) with\s+|"
        # "At the working session with Minister X, Y said …", "During the meeting with X, Y
        # said", "In another talks with X, Y …": the session told by its noun and whom it was
        # with, before the clause's subject (a release's and a wire's way of telling each
        # session of a trip in turn)
        r"(?:At|During|In)\s+(?:(?:the|a|an|another|their|his|her|separate|bilateral)\s+){0,2}"
        r"(?:working sessions?|meetings?|talks|discussions|reception)\s+(?:with|for)\s+|"
        # "During a courtesy call on the acting IGP X, in Accra yesterday, the High
        # Commissioner Y urged …": the call told first, its caller the clause's subject
        r"(?:At|During|In)\s+(?:(?:the|a|an|his|her|their)\s+)?"
        r"courtesy (?:call|visit)\s+(?:on|to)\s+"
    )
    # at the start of the sentence or after its opening phrase ("During the visit, he met …")
    subject_pronoun = re.compile(r"(?:^|(?<=,\s))(?:He|She|he|she)(?=\s+[a-z])")

    # "X welcomed Y" at a meeting: X hosts it
    # ("X was welcomed by Y" is the passive: Y hosts, so it is not read as X hosting)
    host_verb = re.compile(
        r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )"
        rf"(?<!\w)(?:received{_NOT_AWARD}{_NOT_GIVEN}|receives|receiving|hosted|welcomed|"
        r"greeted(?=\s+(?:an?|the)\s)|"
        r"(?<=\w )(?:during|at) (?:a|the|his|her) reception(?=[^.;]{0,60}?\bfor\b)|"
        rf"{_COURTESY_OF}|{_VISIT_FROM}|"
        r"(?:played|plays|playing) host to|"
        r"(?<=while )hosting|(?<=when )hosting|told(?= (?:the )?visiting\b))(?!\w)"
    )

    def likelihood(self, text: str) -> float:
        """The default for Latin script without Vietnamese letters."""
        return 0.5

    def title_reference(self, titles: str) -> re.Pattern[str]:
        # "the Commissioner", "the minister" (wire copy writes it lowercase), not "the Minister
        # of Foreign Affairs": another office
        return re.compile(rf"(?<!\w)[Tt]he ((?i:{titles}))(?!\w)(?!\s+(?:of|for|to|in|at)\b)")

    def _session(
        self, text: str, floor: int, begin: int, sm: re.Match[str] | None, head: str
    ) -> tuple[int | None, tuple[int, int, str] | None]:
        """The session's number and span: an ordinal among the name's words (`sm`, matched on
        the words from `begin`), or for a working group the ordinal of its meetings before the
        name ("the ninth meeting of the A-B … Joint Working Group")."""
        if sm:
            return self.session_number(sm.group(1)), (
                begin + sm.start(),
                begin + sm.end(),
                sm.group(),
            )
        # ("led the delegation for second round of the Homeland Security Dialogue": a
        # dialogue numbered by its rounds before the name, x-recall3 026)
        if head.lower() in _STANDING_GROUPS or head == "Dialogue":
            nth = _NTH_MEETING.search(text, max(floor, begin - 40), begin)
            if nth is not None:
                return self.session_number(nth.group(1)), (nth.start(1), nth.end(1), nth.group(1))
        return None, None

    def series_names(self, text: str, info: SentenceInfo) -> list[DialogueMention]:
        s = info.sentence
        out: list[DialogueMention] = []
        countries = countries_of(info)
        # ("the ninth meeting of the Japan-Australia Cyber Joint Working Group": a
        # standing mechanism of two countries, numbered by its meetings, recorded as a dialogue)
        named = rf"\b[Dd]ialogue\b|{_CONFERENCE}|\bconference\b|{_STANDING_GROUP}"
        for m in in_sentence(named, text, info):
            series = m.group().lower() in ("dialogue", *_STANDING_GROUPS)
            noun = "dialogue" if series else "conference"
            before = text[s.start : m.start()]
            back = re.search(
                r"((?:(?:[A-Z][\w'’.]*(?:[-–][A-Z][\w'’.]*)?|and|on|of|[-–]|\d+(?:st|nd|rd|th)|first|"
                r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural)\s+)*)$",
                before,
            )
            begin = m.start() - len(back.group(1)) if back else m.start()
            words = text[begin : m.start()]
            lead = re.match(r"(?:(?:The|the|and|on|of)\s+)+", words)
            if lead:
                begin += lead.end()
                words = words[lead.end() :]
            sm = re.search(
                r"\b(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                r"tenth|inaugural)\b",
                words,
                re.I,
            )
            session, session_span = self._session(text, s.start, begin, sm, m.group())
            pair = [(c.key, c) for c in countries if begin <= c.start < m.start()]
            if not pair:
                pair = _agencies_pair(text, info, begin, m.start())
            core = words
            if sm:
                core = core.replace(sm.group(), " ")
            for _, c in pair:
                core = core.replace(c.text, " ")
            core = re.sub(r"\s+", " ", core).strip(" -–")
            end = m.end()
            on = _ON_TOPIC.match(text, end, s.end)
            if on:
                end = on.end()
                core = (core + " Dialogue on " + on.group(1)).strip()
            mechanism = bool(re.search(r"mechanism\s*$", text[s.start : begin]))
            if m.group() in ("dialogue", "conference") and not (session or pair or core):
                # "the first Vietnam-Korea police dialogue", "co-chaired the eighth ministerial
                # conference on crime prevention": an ordinal a few words before
                low = re.search(
                    r"\b(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                    r"ninth|tenth|inaugural)\s+((?:[\w'’-]+\s+){0,4})$",
                    before,
                    re.I,
                )
                if low is None:
                    continue  # "dialogue" in lowercase without a name is a common noun
                begin = s.start + low.start()
                session = self.session_number(low.group(1))
                session_span = (begin, begin + len(low.group(1)), low.group(1))
                pair = [(c.key, c) for c in countries if begin <= c.start < m.start()]
                core = low.group(2)
                for _, c in pair:
                    core = core.replace(c.text, " ")
                core = re.sub(r"\s+", " ", core).strip(" -–").title()
            if m.group().islower() and m.group() != "dialogue" and not (session or pair):
                continue  # "a joint working group will be formed": no standing one named
            if noun == "conference" and session is None and len(pair) < 2:
                continue  # "a Meeting" without a number or the two countries of a series
            out.append(
                DialogueMention(
                    (begin, end, text[begin:end]),
                    core,
                    pair,
                    session,
                    session_span,
                    mechanism,
                    noun,
                )
            )
        out += _between_sessions(text, info, [d.span for d in out])
        return _named_sessions(text, s.start, out)


def _border_pair(core: str, countries: list) -> list:
    """ "The heads of the two border forces of A and B met … at the Border Coordination
    Conference": a border conference of two neighbours whose sentence names both (and no
    other), its name none (x-world7 page 010)."""
    if not re.search(r"\b[Bb]order\b", core):
        return []
    first: dict[str, object] = {}
    for c in countries:
        first.setdefault(c.key, c)
    return list(first.items()) if len(first) == 2 else []


_ORDINAL_WORD = (
    r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|inaugural"
)
# "the 7th bilateral meeting between the A and B coast guards", "the 12th Interior Secretary Level
# Talks between A and B", "the inaugural meeting between the X and the Y", "the first meeting of
# the Coordination Group of the A ministry and the B ministry": a numbered session of a standing
# mechanism of two sides, named in lower case or at length
_BETWEEN_SESSION = re.compile(
    rf"\b(?:[Tt]he\s+)(?P<nth>{_ORDINAL_WORD})\s+"
    r"(?P<name>(?:(?:bilateral|annual|[A-Z][\w'’.-]*)\s+){0,5})"
    r"(?P<head>[Mm]eeting|[Tt]alks|[Ss]ession|[Rr]ound)(?:\s+\([A-Z]{2,8}\))?\s+"
    r"(?:between|of\s+the\s+(?:[A-Z][\w-]*\s+){1,4}(?:of|between))\s+"
    r"(?P<sides>[^.;:()“\"]{3,200}?)"
    r"(?=\s*[.;:,(“\"]|\s+(?:in|on|at|held|was|were|took|last|this|via|from|co-chaired)\b|\s*$)"
)
_TWO_SIDES = re.compile(r"(?:the\s+)?two\s+(?:forces|sides|countries|agencies|ministries)\b")


def _between_sessions(
    text: str, info: SentenceInfo, taken: list[tuple[int, int, str]]
) -> list[DialogueMention]:
    """Sessions told as `the Nth [bilateral] meeting between A and B` (see `_BETWEEN_SESSION`):
    a dialogue of the two sides, whose countries are the two named after `between` (or, for "the
    two forces", the two the sentence names)."""
    s = info.sentence
    out: list[DialogueMention] = []
    for m in _BETWEEN_SESSION.finditer(text, s.start, s.end):
        if any(a <= m.start("head") < b for a, b, _ in taken):
            continue
        if "and" not in m.group("sides").split() and not _TWO_SIDES.match(m.group("sides")):
            continue
        lo, hi = m.start("sides"), m.end("sides")
        if _TWO_SIDES.match(m.group("sides")):
            lo, hi = s.start, s.end
        found = [
            (x.key if x.kind == COUNTRY else x.country, x)
            for x in sorted([*info.places, *info.orgs], key=lambda x: x.start)
            if lo <= x.start < hi and (x.kind == COUNTRY or x.country)
        ]
        pair: list = []
        for key, x in found:
            if key and all(key != k for k, _ in pair):
                pair.append((key, x))
        if len(pair) != 2:
            continue
        core = re.sub(r"\s+", " ", m.group("name").replace("bilateral", "")).strip()
        nth = m.group("nth")
        out.append(
            DialogueMention(
                (m.start("nth"), m.end(), text[m.start("nth") : m.end()]),
                (core + " " + m.group("head").title()).strip(),
                pair,
                ENGLISH.session_number(nth),
                (m.start("nth"), m.end("nth"), nth),
                False,
                "dialogue",
            )
        )
    return out


def _named_sessions(text: str, floor: int, out: list[DialogueMention]) -> list[DialogueMention]:
    """The sessions named, less a group's numbering noun and an event that is only the
    setting of another engagement ("on the sidelines of the 20th AMMTC")."""
    out = [d for d in out if not _numbering_group(text, d, out)]
    return [d for d in out if not _SETTING.search(text, max(floor, d.span[0] - 40), d.span[0])]


def _numbering_group(text: str, d: DialogueMention, mentions: list[DialogueMention]) -> bool:
    """ "the 9th Meeting of the Joint Working Group …": the Meeting numbers the group's session
    (one dialogue), it is not a numbered conference of its own beside it."""
    return d.noun == "conference" and any(
        o.noun == "dialogue" and _OF_THE.fullmatch(text, d.span[1], o.span[0]) is not None
        for o in mentions
    )


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")

ENGLISH = English()
