"""Provides the figures and texts of the 2016 night that `build_2016` turns into a recording.

Final figures carry the source keys of `uk2016_facts.json` beside them; quotes
and news lines are verbatim from the live-blog of 6 May 2016. The tables
marked synthetic only shape an invented path to those finals. README.md beside
this file lists what is sourced and what is synthetic.
"""

from __future__ import annotations

__all__ = [
    "COUNCILS",
    "ENGLAND",
    "FINAL_ROUND",
    "LONDON",
    "LONDON_AREAS",
    "SCOTLAND",
    "TICKER",
    "WALES",
    "councils",
    "ticker",
    "unverified_names",
]

ENGLAND = (  # code, name, colour, councils, ±, seats, ± at 96 of 124: the live-blog's table
    ("LAB", "Labour", "#e4003b", 49, -1, 1005, -28),
    ("CON", "Conservative", "#0087dc", 26, 0, 547, 5),
    ("LD", "Liberal Democrat", "#faa61a", 2, 0, 214, 22),
    ("IND", "Independent", "#9e9e9e", 0, 0, 53, -8),
    ("UKIP", "Ukip", "#70147a", 0, 0, 29, 23),
    ("GRN", "Green Party", "#02a95b", 0, 0, 17, -4),
    ("RES", "Residents", "#8d6e63", 0, 0, 4, 0),
    ("LIB", "Liberal", "#eb7a43", 0, 0, 3, -2),
    ("RESP", "Respect", "#c0392b", 0, 0, 0, -5),
)
"""The English table at 96 of 124: the recording's last English figures, exactly."""

# (control, previous control, "Name seats-up, …"). Names come from uk2016_facts.json; "*" marks
# a name from its unverified lists. Control follows the facts' BBC_MAP changes (Labour lost only
# Dudley; the Conservatives lost Worcester and Rugby and gained Peterborough); everything else
# here (who holds the other councils, seats up, the second Conservative gain, Hart) is synthetic.
COUNCILS = (
    ("LAB", "LAB", "Birmingham 40, Sandwell 24, Barnsley 21, Bolton 20, Bradford 30, Bury 17, "
     "Coventry 18, Gateshead 22, Knowsley 45, Leeds 33, Liverpool 30, Manchester 32, "
     "Newcastle upon Tyne 26, North Tyneside 20, Oldham 20, Rochdale 20, Rotherham 63, "
     "St Helens 16, Salford 20, Sefton 22, Sheffield 84, South Tyneside 18, Sunderland 25, "
     "Tameside 19, Wakefield 21, Wigan 25, Wirral 22, Wolverhampton 20, Warrington 58, "
     "Blackburn with Darwen 16, Derby 17, Halton 16, Hartlepool 11, Kingston upon Hull 19, "
     "Plymouth 19, Reading 16, Slough 14, Southampton* 16, Burnley 15, Cannock Chase 14, "
     "Nuneaton and Bedworth 18, Rossendale 12, Crawley* 12, Exeter* 13, Harlow* 11, "
     "Hastings* 15, Ipswich* 16, Lincoln* 11, Norwich* 13"),
    ("NOC", "LAB", "Dudley 24"),
    ("CON", "CON", "Solihull 17, Trafford 21, Swindon* 17, Wokingham* 17, Tamworth 10, Adur* 14, "
     "Amber Valley* 15, Basingstoke and Deane* 17, Brentwood* 13, Broxbourne* 10, "
     "Castle Point* 14, Cherwell* 14, Epping Forest* 15, Havant* 13, Maidstone* 14, "
     "Reigate and Banstead* 13, Rochford* 13, Runnymede* 14, Rushmoor* 13, St Albans* 17, "
     "Welwyn Hatfield* 14, Winchester* 14, Woking* 10, Worthing* 13"),
    ("CON", "NOC", "Peterborough 60, Hart* 11"),
    ("NOC", "CON", "Worcester 11, Rugby 14"),
    ("LD", "LD", "Cheltenham* 20, Colchester* 17"),
    ("NOC", "NOC", "Calderdale 17, Kirklees 23, Stockport 21, Walsall 20, Milton Keynes 17, "
     "North East Lincolnshire 15, Portsmouth 14, Southend-on-Sea* 17, Thurrock* 15, "
     "Basildon 14, Elmbridge* 14, Pendle* 12, Carlisle* 13, Hyndburn* 12, Redditch* 10, "
     "West Lancashire* 14"),
)  # fmt: skip
"""The 96 English councils declared by 10:30 on 6 May, grouped by control now and before."""

SCOTLAND = (  # code, name, colour, seats, ±, regional votes, regional %: SCOT_BBC, SCOT_EP, SCOT_SK
    ("SNP", "SNP", "#fdf38e", 63, -6, 953587, 41.72),
    ("CON", "Conservative", "#0087dc", 31, 16, 524222, 22.93),
    ("LAB", "Labour", "#e4003b", 24, -13, 435919, 19.07),
    ("GRN", "Green", "#00b140", 6, 4, 150426, 6.58),
    ("LD", "Liberal Democrats", "#faa61a", 5, 0, 119284, 5.22),
    ("IND", "Independent", "#9e9e9e", 0, -1, None, None),
)
"""The Scottish Parliament's final figures (129 seats, 65 for a majority)."""

WALES = (  # the same for the Welsh Assembly: WAL_EP, WAL_WIKI, WAL_BBC
    ("LAB", "Labour", "#e4003b", 29, -1, 319196, 31.5),
    ("PC", "Plaid Cymru", "#005b54", 12, 1, 211548, 20.8),
    ("CON", "Conservative", "#0087dc", 11, -3, 190846, 18.8),
    ("UKIP", "UKIP", "#70147a", 7, 7, 132138, 13.0),
    ("LD", "Liberal Democrats", "#faa61a", 1, -4, 65504, 6.5),
)
"""The Welsh Assembly's final figures (60 seats, 31 for a majority)."""

LONDON = (  # name, party, colour, first-round votes, first-round % where sourced: LDN_*, CBP7598
    ("Sadiq Khan", "LAB", "#e4003b", 1148716, 44.2),
    ("Zac Goldsmith", "CON", "#0087dc", 909755, 35.0),
    ("Sian Berry", "GRN", "#02a95b", 150673, 5.8),
    ("Caroline Pidgeon", "LD", "#faa61a", 120005, None),
    ("Peter Whittle", "UKIP", "#70147a", 94373, None),
    ("Sophie Walker", "WEP", "#2ab1ac", 53055, None),
    ("George Galloway", "RESP", "#c0392b", 37007, None),
    ("Paul Golding", "BF", "#1c2f58", 31372, None),
    ("Lee Harris", "CISTA", "#6b8e23", 20537, None),
    ("David Furness", "BNP", "#2e3b74", 13325, None),
    ("Prince Zylinski", "IND", "#9e9e9e", 13202, None),
    ("Ankit Love", "ONELOVE", "#ff69b4", 4941, None),
)
"""The twelve candidates for London mayor with their first-round votes."""

FINAL_ROUND = {"Sadiq Khan": (1310143, 56.8), "Zac Goldsmith": (994614, 43.2)}
"""Votes and share in the final round (LDN_WIKI, LDN_STATINV)."""

LONDON_AREAS = (
    "Barnet and Camden", "Bexley and Bromley", "Brent and Harrow", "City and East",
    "Croydon and Sutton", "Ealing and Hillingdon", "Enfield and Haringey",
    "Greenwich and Lewisham", "Havering and Redbridge", "Lambeth and Southwark",
    "Merton and Wandsworth", "North East", "South West", "West Central",
)  # fmt: skip
"""The fourteen London Assembly constituencies the mayoral count reports by."""

TICKER = """
dudley | Dudley+5 | update
Corbyn's party has lost one council – Dudley – which joins Walsall as having no overall control,
after a surge in votes for Conservative candidates.

lowe | Dudley+12 | quote | Pete Lowe | Dudley Labour group leader | BBC
On the whole we are disappointed that we lost the crucial last seat, and just by three votes.

harley | Dudley+20 | quote | Patrick Harley | Conservative
To take four gains, three from Labour, I would say is exceptional.

antisemitism | 03:40 | update
The anti-Semitism row appears to have cost Labour at least three seats with Bassetlaw MP John
Mann claiming the anti-Semitism row harmed the party in Bury.

mann | 03:45 | quote | John Mann | Bassetlaw MP | BBC
It is clear that the Jewish vote, which for generations in families has been Labour, has gone
against Labour tonight

scotland | 05:20 | update
Labour's upset in the English councils comes on top of a bad night north of the border where the
left wing party is on course to drop into the third place, behind the Conservatives.

headline | 08:40 | update
Pressure piles on Jeremy Corbyn as Labour loses seats in local elections

corbyn | 08:45 | quote | Jeremy Corbyn | Labour leader
hung on

pressure | 08:55 | update
But pressure is piling onto the Labour leader, with the party's rebel alliance suggesting a
revolt could be imminent as at least one MP saying he has a year left to turn things around.

hain | 09:10 | quote | Peter Hain | Former Labour MP | BBC
This is a matter for Jeremy now. He loves the Labour Party. He's a strong socialist – he will
want Labour to do well. He has to decide how he can make sure we can win majority support back
again. He's not been able to do that so far and that's his big challenge.

coyle | 09:25 | quote | Neil Coyle | Bermondsey MP
moving away from government

ferrett | 09:35 | quote | John Ferrett | Labour group leader, Portsmouth | BBC Radio
incapable of giving the leadership we need

unnamed-mp | 09:45 | quote | Unnamed MP
clearly a weak leader who people do not feel will keep them safe in an uncertain world

unnamed-mp-2 | 09:50 | quote | Unnamed MP
He has until this time next year to prove he won't hand 2020 to the Tories on a plate, which
currently seems the case from these results.

worcester | 10:00 | update
The Conservatives have lost their majority at Worcester City Council, taking 17 seats to
Labour's 16, with the Greens taking two seats. The party also lost Rugby to no overall control.

ukip | moment | update
Ukip has had the most successful night with the number of seats up by 20. The party also fared
well in Wales, with seven Assembly members elected.

watson | 10:20 | quote | Tom Watson | Labour deputy leader | Sky News
Jeremy has only been the leader of the Labour Party for eight months. He has taken his party back
from a very low base, one of our worst every election defeats a year ago this month.

tory-seats | 10:30 | update
However, the Tories have actually increased the total number of seats held.

london | 10:30 | update
Results for the London mayoral elections will not be revealed until later today, but exit polls
suggested Sadiq Khan had the edge on his rival Zac Goldsmith.
"""
"""Ticker items: "id | when | kind [| speaker | role | outlet]", then the verbatim text.

`when` is a time on 6 May, "Area+minutes" after that council declares, or
"moment" (when the English table shows Labour −25 and Ukip +20). The times are
synthetic; the words are the live-blog's.
"""


def ticker() -> list[tuple[str, str, str, str, dict[str, str]]]:
    """The ticker items as (id, when, kind, text, {"speaker", "role", "outlet"})."""
    items = []
    for block in TICKER.strip().split("\n\n"):
        head, *text = block.split("\n")
        key, when, kind, *who = (part.strip() for part in head.split("|"))
        people = dict(zip(("speaker", "role", "outlet"), who, strict=False))
        items.append((key, when, kind, " ".join(text), people))
    return items


def councils() -> dict[str, tuple[str, str, int]]:
    """Every English council in the recording: name → (control, previous control, seats up)."""
    found = {}
    for control, previous, text in COUNCILS:
        for item in text.split(", "):
            name, seats = item.rsplit(" ", 1)
            found[name.rstrip("*")] = (control, previous, int(seats))
    return found


def unverified_names() -> list[str]:
    """Council names taken from the facts file's unverified lists: their lines are synthetic."""
    return sorted(
        i.rsplit(" ", 1)[0][:-1] for *_, t in COUNCILS for i in t.split(", ") if "* " in i
    )
