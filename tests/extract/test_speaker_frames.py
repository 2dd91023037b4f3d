"""Cues, frames and salience that give a quote its speaker (issue 14), on text we wrote:
missing verbs and frames, roundup lines, the outer speaker of a sentence against an
embedded subject, quote continuity, and descriptions linked to the one person the
article names with them."""

from __future__ import annotations

import pytest

import quotecheck
from quotecheck.models import Quote


def _quote(text: str, words: str) -> Quote:
    # the quoted words, not a reported statement that holds them
    for q in quotecheck.extract(text).quotes:
        if words in q.text and q.kind != "reported":
            return q
    raise AssertionError(f"no quote with {words!r}")


# (text, words in the quote, speaker name, resolution)
CASES = [
    # missing cues and frames
    ('"Not so fast," Maria Ortiz chimed in.', "Not so fast", "Maria Ortiz", "explicit"),
    ('"Sleep matters more," advises nutritionist Lena Fisk.', "Sleep", "Lena Fisk", "explicit"),
    (
        'Senator Roy Blake, in an interview with CNN, blurted out, "We have no plan at all."',
        "no plan",
        "Roy Blake",
        "explicit",
    ),
    (
        '"A government of clowns." That was how Mayor Ruth Adler once described the council.',
        "clowns",
        "Ruth Adler",
        "explicit",
    ),
    (
        'Voters are tired, "and they show it every day," says psychologist Omar Haddad, who is '
        "studying turnout.",
        "show it",
        "Omar Haddad",
        "explicit",
    ),
    # speech verbs of the lexicon (barked, asserted, sang), and "now" before the verb
    ('"Get out of my office," Mayor Dan Ruiz barked.', "Get out", "Dan Ruiz", "explicit"),
    (
        '"Every ballot will be counted," Gov. Alma Reyes asserted on Monday.',
        "Every ballot",
        "Alma Reyes",
        "explicit",
    ),
    (
        'As singer Joan Varga sang in 1979, "Nobody leaves this valley for good."',
        "Nobody leaves",
        "Joan Varga",
        "explicit",
    ),
    (
        '"We were wrong about the bridge," Mayor Dan Ruiz now says.',
        "wrong about",
        "Dan Ruiz",
        "explicit",
    ),
    (
        '"We lost the plant in a week," remembered Ruth Adler, a former shift manager.',
        "lost the plant",
        "Ruth Adler",
        "explicit",
    ),
    (
        '"Then build it yourself," Mayor Dan Ruiz retaliated.',
        "build it",
        "Dan Ruiz",
        "explicit",
    ),
    # appositives after a name: a generational suffix, an age, a town and its state
    (
        '"We will not sell the mill," Harold P. Vance Jr., the company\'s chairman, said.',
        "sell the mill",
        "Harold P. Vance Jr.",
        "explicit",
    ),
    (
        '"The roads were never plowed," Edna Solis, 72, a retired teacher in Dayton, Ohio, said.',
        "never plowed",
        "Edna Solis",
        "explicit",
    ),
    (
        '"Nobody asked us," Mr. Okafor, now 64 and living in Lowell, Mass., said by telephone.',
        "Nobody asked",
        "Okafor",
        "explicit",
    ),
    (
        '"I lost two cousins," Ana Ruiz, 41, of Mesa, Ariz., told reporters.',
        "cousins",
        "Ana Ruiz",
        "explicit",
    ),
    # a new sentence after a quote that closed its own is no cue of it
    (
        'Mayor Dan Ruiz spoke first: "We are not closing the pier." But Ms. Holt also said in '
        "an interview that the money was gone.",
        "closing the pier",
        "Dan Ruiz",
        "explicit",
    ),
    # "X said:" introduces the next quote, but not when another verb takes the colon
    (
        '"There seems to be a man with some problems," Mayor Dan Ruiz said as a heckler '
        'yelled: "Resign now!"',
        "some problems",
        "Dan Ruiz",
        "explicit",
    ),
    # a contracted auxiliary between a pronoun and the verb ("he's said")
    (
        "Ever since Dan Ruiz announced his campaign, he's said the same thing at every stop: "
        '"This town deserves better."',
        "deserves better",
        "Dan Ruiz",
        "pronoun",
    ),
    # a description with no one named so: the speaker as written, unresolved
    ('"Why now?" the host pressed.', "Why now", "the host", "unresolved"),
    (
        '"Rationales do not hold," said 9/11 widow Terry Strand.',
        "Rationales",
        "Terry Strand",
        "explicit",
    ),
    (
        '"Subpoenas are not optional," panel Chairman Rep. Jason Chaff (R-Utah) said on Monday.',
        "Subpoenas",
        "Jason Chaff",
        "explicit",
    ),
    # a participle's subject speaks, not a phrase before it
    (
        "On Thursday, after staying neutral throughout the primary process, Elena Warrick "
        'appeared on television and endorsed Clinton, saying, "She is a fighter."',
        "fighter",
        "Elena Warrick",
        "explicit",
    ),
    # a short determiner phrase as the subject of a clause ending in a colon
    (
        'The piece used one of the voter\'s lines as its headline: "Finally. Someone like me."',
        "Someone like me",
        "The piece",
        "explicit",
    ),
    # a cue that a sentence end or a participle separates from the next quote's colon
    (
        'Voters were split. "I will vote Green," she said. Then she added a caveat: "Maybe not."\n\n'
        "Ann Lee ran the stall.",
        "vote Green",
        "she",
        "unresolved",
    ),
    # an appositive that holds a rank's "No.", a capitalised verb after an appositive, and
    # a relative "who" with no comma before it
    (
        '"We will hold the line," Senator Ada Crane of Ohio, the No. 3 Republican in the '
        "Senate, said on Monday.",
        "hold the line",
        "Ada Crane",
        "explicit",
    ),
    (
        'Senator Ada Crane, the No. 3 Republican in the Senate, told reporters, "We will hold '
        'the line."',
        "hold the line",
        "Ada Crane",
        "explicit",
    ),
    (
        '"Not our plan, but fair play," Jon Ebert, the head of the Better Roads Fund, Tweeted '
        "on Sunday.",
        "fair play",
        "Jon Ebert",
        "explicit",
    ),
    (
        '"We were never consulted," Mara Quist, a spokeswoman for the county, Wrote in an email.',
        "consulted",
        "Mara Quist",
        "explicit",
    ),
    (
        'The sharpest reply came from Dora Pike who tweeted, "Count me in for the next march."',
        "Count me in",
        "Dora Pike",
        "explicit",
    ),
    (
        '"They will help everybody," Corey Lane said, adding: "Trust me."',
        "help everybody",
        "Corey Lane",
        "explicit",
    ),
    # long descriptors and a possessive before the name
    (
        '"This has gone too far," said Clinton\'s top foreign policy aide Jake Sullen.',
        "too far",
        "Jake Sullen",
        "explicit",
    ),
    (
        '"We are shocked," one P&G plant employee told French television.',
        "shocked",
        "one P&G plant employee",
        "explicit",
    ),
    (
        '"He used it for convenience," Powell\'s office said in a statement.',
        "convenience",
        "Powell's office",
        "explicit",
    ),
    # a relative "who" after a name: the mention at the cue, resolved to that name
    (
        'Guests included Patti Lane and Stevie Wood, who joked of the museum, "I have not '
        'seen it yet, but I will."',
        "not seen it",
        "Stevie Wood",
        "pronoun",
    ),
    # roundup lines
    (
        'Rep. Dana Whitfield (D-Ohio): "We need answers before the vote."',
        "answers",
        "Dana Whitfield",
        "explicit",
    ),
    ('Maria Ortiz, WKRN: "The bridge stays closed."', "bridge", "Maria Ortiz", "explicit"),
    ('Tom Hale, a retired teacher: "Nobody asked us."', "Nobody", "Tom Hale", "explicit"),
    (
        "The late surge did not surprise Republican pollster Dan Shore: "
        '"Lesser-known candidates always gain after the first contests."',
        "Lesser-known",
        "Dan Shore",
        "explicit",
    ),
    # participles
    ('Obama closed his list by saying "Too many."', "Too many", "Obama", "explicit"),
    (
        'The new ad shows footage of Nina Rossi asking, "Why are we not fifty points ahead?"',
        "fifty points",
        "Nina Rossi",
        "explicit",
    ),
    # a surname with a relative "who" is a person: the paragraph's subject, not the
    # person quoted a paragraph before
    (
        '"The vote was close," said Robert Dale, a pollster at the state university.\n\n'
        "The council voted 7-2 in March on the first phase of the river crossing. Its "
        "budget of 40 million pounds was approved a month later, after two public hearings "
        "in which residents of both banks asked for a footpath and a cycle lane.\n\n"
        "Okafor, who has led the council for a decade, rallied the crowd on the quay. He "
        'said the plan would pass.\n\n"We will build the bridge," he said.',
        "build the bridge",
        "Okafor",
        "pronoun",
    ),
    # the outer speaker, not the subject of a clause closed before the quote
    (
        "Envoy Matthew Rycroft spoke to reporters.\n\n"
        "He said that while the Russians say they hit militants, most strikes "
        '"are against the moderate rebels".',
        "moderate rebels",
        "Matthew Rycroft",
        "pronoun",
    ),
    # a verb of agreeing inside a that-clause is not speech; a verb of calling is
    (
        "The Kremlin said separately that Putin and Hollande had agreed to tackle "
        '"international terrorism" together.',
        "international terrorism",
        "The Kremlin",
        "explicit",
    ),
    (
        'The aide said that Trump called the plan "a disgrace" on Monday.',
        "disgrace",
        "Trump",
        "explicit",
    ),
    # pronoun salience: the last person quoted, when no one else who fits is named after
    (
        "Mr Okoye insisted the strikes hit only militants.\n\n"
        "Defence secretary Tom Hale said no deal was possible.\n\n"
        'He said the talks would stay technical, and: "That is all."',
        "That is all",
        "Tom Hale",
        "pronoun",
    ),
    # quote continuity: the speaker of the sentence before a quote with no cue
    (
        'Lenox was a success, Mr. Clarke said, until the crash came. "We lost everything in a month."',
        "lost everything",
        "Clarke",
        "explicit",
    ),
    # a description linked to the one person the article names with it
    (
        "Democratic front-runner Hillary Clinton spoke in Iowa. Republican front-runner Donald "
        "Trump spoke in Ohio. Mr. Trump hit back after the Democratic front-runner had called him "
        '"the best recruiter" of the group.',
        "best recruiter",
        "Hillary Clinton",
        "nominal",
    ),
    (
        "Senator Ann Lee of Ohio toured the plant on Monday.\n\n"
        '"We will keep it open," the senator said.',
        "keep it open",
        "Ann Lee",
        "nominal",
    ),
    (
        "Two-term senator Ann Lee and Governor Tom Park toured the plant.\n\n"
        '"We will keep it open," the two-term senator said.',
        "keep it open",
        "Ann Lee",
        "nominal",
    ),
    # several people fit: the description stays unlinked
    (
        "Senator Ann Lee and Senator Tom Park toured the plant.\n\n"
        '"We will keep it open," the senator said.',
        "keep it open",
        "the senator",
        "unresolved",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker", "resolution"), CASES)
def test_speaker_and_resolution(text: str, words: str, speaker: str, resolution: str) -> None:
    q = _quote(text, words)
    assert q.speaker is not None, q
    assert (q.speaker.name, q.speaker.resolution) == (speaker, resolution)


def test_a_group_nominal_is_a_speaker_as_written() -> None:
    q = _quote('"The cuts will hurt," ministry officials warned.', "cuts")
    assert q.speaker is not None and q.speaker.resolution == "explicit"
    q = _quote('"We are not done," a senior aide said.', "not done")
    assert q.speaker is not None and q.speaker.name == "a senior aide"


# (text, words of the quote opening the next paragraph, its speaker or None): the quote
# continues the previous paragraph's speaker when that paragraph ends with the cue's own
# sentence, however long its appositive or adverbials; narrative in between breaks it
NEXT_PARAGRAPH_CASES = [
    (
        '"The budget is a fiction," said Rosa Mendel, a Democratic council member from the east '
        "side who chairs the finance committee and the housing panel.\n\n"
        '"Nobody here believes the numbers."',
        "Nobody here",
        "Rosa Mendel",
    ),
    (
        '"We will reopen the mill," Tom Varga said at the union hall in Millbrook on Tuesday, an '
        "hour before the company announced its quarterly results to investors in Chicago.\n\n"
        '"Every job comes back."',
        "Every job",
        "Tom Varga",
    ),
    (
        '"We will reopen the mill," Tom Varga said on Tuesday. Later that week, the company fired '
        "its chief executive, and the board named a former banker from Chicago to run it.\n\n"
        '"Every job comes back."',
        "Every job",
        None,
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), NEXT_PARAGRAPH_CASES)
def test_quote_opening_the_next_paragraph(text: str, words: str, speaker: str | None) -> None:
    q = _quote(text, words)
    assert (q.speaker.name if q.speaker is not None else None) == speaker


# (text, words of a quote that is a paragraph of its own, its speaker or None): with no cue
# it takes the speaker of the previous paragraph's last sentence when that has a speaker
# and a reporting verb; narrative or a quote in that sentence gives it none
PREVIOUS_PARAGRAPH_CASES = [
    (
        "The council met for three hours.\n\nMayor Ines Garza said the plan would leave the "
        'east side without a clinic for two years.\n\n"We cannot ask families to wait that long."',
        "wait that long",
        "Ines Garza",
    ),
    (
        "If anything, Dr. Omar Pratt argued in his letter, the outbreak shows why the county "
        'needs its own lab.\n\n"We lost a week waiting for results from the state."',
        "lost a week",
        "Omar Pratt",
    ),
    # the main clause's speaker, not a later subject inside the sentence
    (
        "Mayor Ines Garza said the clinic will stay open after Dr. Paul Kim warned the board. "
        '"We will fight this in court."',
        "fight this",
        "Ines Garza",
    ),
    (
        "Mayor Ines Garza argued that the clinic should stay open after Dr. Paul Kim warned the "
        'board about the waiting lists.\n\n"We will fight this in court."',
        "fight this",
        "Ines Garza",
    ),
    (
        "Mayor Ines Garza visited the site on Monday. The crews had already left.\n\n"
        '"We cannot ask families to wait that long."',
        "wait that long",
        None,
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), PREVIOUS_PARAGRAPH_CASES)
def test_quote_paragraph_after_a_reporting_sentence(
    text: str, words: str, speaker: str | None
) -> None:
    q = _quote(text, words)
    assert (q.speaker.name if q.speaker is not None else None) == speaker
