"""Write the saved web pages that the HTML tests and benchmarks/html_extractors.py read.

    python benchmarks/make_pages.py            # (re)writes tests/fixtures/pages/

Each page is an invented news article wrapped in the boilerplate real sites put around their
articles — navigation, cookie banners, ads between paragraphs, newsletter boxes, share buttons,
author bios, related and most-read links, reader comments (with quotation marks of their own),
inline scripts and JSON-LD, footers — in one of sixteen page layouts (a classic news site,
a blog, a live page, a page of ``<div>`` paragraphs, a page in Windows-1252...).  Beside each
``NAME.html`` goes ``NAME.txt``, the article as plain text (headline, then paragraphs): what the
extractor should find.  ``pages.json`` lists each page's title, byline and the boilerplate phrases
that must not reach the reader.  The people, places and words are invented.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pages"


@dataclass
class Article:
    slug: str
    title: str
    byline: str
    date: str
    paragraphs: list[str]
    subhead: tuple[int, str] | None = None  # (insert before paragraph i, heading text)


ARTICLES = [
    Article("ferry", "Harbour council approves new ferry after long dispute", "Mara Quell", "2025-03-14", [
        "The harbour council voted on Tuesday to buy a second ferry for the island route, ending a dispute that has run for three winters.",
        "“We have waited long enough for a boat that starts every morning,” said council leader Ada Brightwater after the vote.",
        "The new vessel will carry 240 passengers and forty cars, and is due to enter service next spring.",
        "Opponents warned that the cost would fall on the islanders themselves. “The fares will rise, and the people who depend on this crossing will pay for it,” councillor Jonas Peller said.",
        "Brightwater rejected that claim. “Not one fare will go up because of this ferry,” she said.",
        "The shipyard has promised a first sea trial in January.",
    ], (3, "Cost concerns")),
    Article("orchard", "Frost threatens the valley's apple harvest", "Tobias Wren", "2025-04-02", [
        "Growers across the valley spent the night lighting fires between their trees as temperatures fell to six degrees below freezing.",
        "“If the blossom goes, the whole year goes with it,” said Lena Hartvig, who farms forty hectares above the river.",
        "Agricultural adviser Piet Domsland said the damage would not be clear for a week. “Some buds look brown on the outside and are fine within,” he said.",
        "The cooperative that buys most of the valley's fruit has asked its members to report losses by Friday.",
        "Hartvig said she had seen worse. “My father lost everything in one night, and he planted again the next spring,” she said.",
    ]),
    Article("library", "City library to open on Sundays from next month", "Ines Karlov", "2025-05-20", [
        "The central library will open its doors on Sundays for the first time in its ninety-year history, the city announced on Monday.",
        "“People told us again and again that Sunday is the only day they have,” chief librarian Rosalind Ferrer said.",
        "The extra hours will be paid for by closing two hours earlier on Wednesday evenings, when visits are fewest.",
        "Staff representative Odo Brask said the union had agreed to the change after a vote. “Nobody will be made to work every weekend,” Brask said.",
        "The reading rooms, the children's floor and the café will all be open from eleven until five.",
    ]),
    Article("bridge", "Engineers find cracks in the old river bridge", "Samir Okonde", "2025-06-09", [
        "Inspectors have found cracks in two of the steel beams that carry the old river bridge, and the city has closed it to lorries.",
        "“There is no danger to cars or people on foot today,” said city engineer Greta Halvorsen.",
        "Halvorsen said the cracks had probably grown over decades. “These beams were made in a time when nobody expected forty-tonne lorries,” she said.",
        "Haulage firms said the detour would add half an hour to every trip. “Our drivers will lose a whole day each week,” said Colm Ardagh, who runs a transport company on the east bank.",
        "Repairs are expected to take at least eight months.",
        "The council will discuss the cost at its meeting next Thursday.",
    ], (2, "A long detour")),
    Article("school", "Village school saved by a late rush of new pupils", "Nora Feld", "2025-07-01", [
        "The primary school in Eskdal, which was to close in August, will stay open after eleven families enrolled their children in the last month.",
        "“A month ago we were packing boxes,” headteacher Viktor Lunde said. “Now we are ordering new desks.”",
        "The regional education board had set fifteen pupils as the least it would fund. The school now has nineteen.",
        "Parent Anneli Strand, who moved to the village in June, said the school was the reason. “We chose this place because the children can walk to their classroom,” she said.",
        "The board said it would review the numbers again next year.",
    ]),
    Article("storm", "Storm leaves thousands without power on the coast", "Felix Marrow", "2025-10-28", [
        "More than twelve thousand homes along the northern coast were without electricity on Sunday after winds of up to 130 kilometres an hour brought down lines.",
        "“Our crews have been out since four this morning and will stay out until every home is back,” said Hedda Vinter, a spokeswoman for the grid operator.",
        "In the fishing town of Skarvik the harbour wall was breached for the first time in decades.",
        "“The sea came right into the square,” said shop owner Bertil Aasgard. “I have never seen water there in my life.”",
        "Forecasters expect calmer weather from Tuesday.",
    ]),
    Article("museum", "Museum returns carved panels to the island they came from", "Clara Benedek", "2025-09-12", [
        "The national museum has handed back four carved wooden panels that were taken from a chapel on Vellø island more than a century ago.",
        "“These panels belong to the people who have prayed beneath them for three hundred years,” museum director Henrik Sollum said at the ceremony.",
        "The islanders had asked for their return since the 1970s.",
        "Parish chair Marit Evjen said the chapel would be restored before the panels go back up. “We will be ready by midsummer,” Evjen said.",
        "A copy of each panel will stay in the museum's collection.",
    ]),
    Article("market", "Farmers' market moves to the old station yard", "Pavel Rusk", "2025-08-03", [
        "The Saturday farmers' market, which has filled the cathedral square for twenty years, will move to the old station yard in September.",
        "“The square is beautiful, but our stalls have outgrown it,” said market organiser Solveig Tandberg.",
        "Some traders are unhappy about the move. “Half my customers are tourists who walk past the cathedral,” cheesemaker Arvid Lisle said. “They will not find us behind the tracks.”",
        "The city has promised new signs and a shuttle bus on market days.",
        "Tandberg said a trial in the yard last spring had drawn more visitors than an ordinary Saturday in the square.",
    ], (2, "Traders divided")),
]


# Boilerplate that must never reach the reader; each sentinel phrase appears only in boilerplate.
NAV = ('<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
       '<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/culture">'
       'Culture</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe today</a>'
       '</li></ul></nav>')
COOKIE = ('<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience and '
          'to show you personalised advertising. By clicking “Accept all” you agree to our use of cookies.</p>'
          '<button>Accept all</button><button>Manage preferences</button></div>')
SCRIPT = ('<script>window.dataLayer = window.dataLayer || []; var pageLang = "en"; var charset = "utf-8"; '
          'function track(e) { console.log("tracking event fired", e); }</script>')
JSONLD = '<script type="application/ld+json">{json}</script>'
AD = ('<div class="ad-slot advertisement"><span>Advertisement</span><p>Sponsored: discover the cruise '
      'deals everyone is talking about</p></div>')
NEWSLETTER = ('<aside class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter '
              'and never miss a story.</p><form><input type="email"><button>Sign me up</button></form></aside>')
SHARE = ('<div class="share-tools"><a href="#">Share on social media</a> <a href="#">Email this story</a> '
         '<a href="#">Print</a></div>')
BIO = ('<div class="author-bio"><p>{byline} is a staff reporter who has covered regional affairs for '
       'nine years and writes the weekly column Around the Fjords.</p></div>')
RELATED = ('<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Mayor opens new '
           'cycle path along the quay</a></li><li><a href="/b">Ten things to do this weekend in the '
           'old town</a></li><li><a href="/c">Bus timetable changes from Monday</a></li></ul></aside>')
MOST_READ = ('<section class="most-read"><h2>Most read</h2><ol><li><a href="/1">Celebrity chef '
             'opens pop-up bakery</a></li><li><a href="/2">Quiz of the week: how well do you know '
             'the coast?</a></li><li><a href="/3">Lottery winner gives prize to village hall</a></li>'
             '</ol></section>')
COMMENTS = ('<section id="comments" class="comments"><h2>Comments (3)</h2><div class="comment"><p '
            'class="comment-author">harbourfan77</p><p>“This is a total disgrace,” said my neighbour, '
            'and I agree with every word.</p></div><div class="comment"><p class="comment-author">'
            'old_salt</p><p>Typical council nonsense, wait and see what happens next year.</p></div>'
            '<div class="comment"><p class="comment-author">K.T.</p><p>“Well done everyone,” I say!</p>'
            '</div></section>')
FOOTER = ('<footer class="site-footer"><p>© 2025 The Northern Courier Media Group. All rights reserved.</p>'
          '<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>'
          '<li><a href="/contact">Contact the newsroom</a></li></ul></footer>')
MODAL = ('<div class="paywall-modal" style="position:fixed"><h2>You have read 3 free articles this '
         'month</h2><p>Subscribe for unlimited access from just 1 euro a week.</p></div>')

SENTINELS = ["Subscribe today", "We use cookies", "Accept all", "tracking event fired", "Advertisement",
             "cruise deals", "morning briefing", "Sign me up", "Share on social media", "Around the Fjords",
             "Related stories", "cycle path along the quay", "Most read", "Celebrity chef", "total disgrace",
             "Typical council nonsense", "Well done everyone", "All rights reserved", "Privacy policy",
             "free articles this month", "pageLang", "dataLayer"]

SITES = ["The Northern Courier", "Valley Post", "Coast Today", "The Evening Lantern"]


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def entity_quotes(text: str) -> str:
    """Curly quotes as character entities, as many CMSs write them."""
    return esc(text).replace("“", "&ldquo;").replace("”", "&rdquo;").replace("’", "&rsquo;")


def head(a: Article, site: str, title_style: int) -> str:
    page_title = [f"{a.title} | {site}", f"{a.title} - {site}", a.title, f"{site}: {a.title}"][title_style % 4]
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
                     "datePublished": a.date, "author": {"@type": "Person", "name": a.byline},
                     "publisher": {"@type": "Organization", "name": site}})
    return (f'<head><meta charset="utf-8"><title>{esc(page_title)}</title>'
            f'<meta name="viewport" content="width=device-width">'
            f'<meta property="og:title" content="{html.escape(a.title)}">'
            f'<meta property="og:site_name" content="{site}">'
            f'<meta name="author" content="{a.byline}">'
            f'<meta property="article:published_time" content="{a.date}T08:00:00Z">'
            f'<link rel="stylesheet" href="/static/site.css">{SCRIPT}{JSONLD.format(json=ld)}</head>')


def paragraphs(a: Article, wrap=lambda p: f"<p>{entity_quotes(p)}</p>", between: dict[int, str] | None = None) -> str:
    out = []
    for i, p in enumerate(a.paragraphs):
        if a.subhead and a.subhead[0] == i:
            out.append(f"<h2>{esc(a.subhead[1])}</h2>")
        if between and i in between:
            out.append(between[i])
        out.append(wrap(p))
    return "\n".join(out)


def byline(a: Article) -> str:
    return (f'<div class="byline">By <a rel="author" href="/authors/x">{esc(a.byline)}</a> · '
            f'<time datetime="{a.date}">{a.date}</time></div>')


# ------------------------------------------------------------------ layouts
def classic(a: Article, site: str) -> str:
    return (f"<body>{COOKIE}<header><a class=logo href=/>{site}</a>{NAV}</header><main><article>"
            f"<h1>{esc(a.title)}</h1>{byline(a)}{SHARE}{paragraphs(a)}</article>{RELATED}</main>"
            f"{COMMENTS}{FOOTER}</body>")


def ads_between(a: Article, site: str) -> str:
    return (f"<body>{NAV}<div class=page><article class=story><header><h1>{esc(a.title)}</h1>{byline(a)}"
            f"</header><div class=story-body>{paragraphs(a, between={1: AD, 3: AD})}</div></article>"
            f"{MOST_READ}</div>{FOOTER}{COOKIE}</body>")


def blog(a: Article, site: str) -> str:
    return (f'<body class="wp-site"><div id="page"><header id="masthead"><p class="site-title">{site}</p>'
            f"{NAV}</header><div id=content><div id=primary><article class=post><header class=entry-header>"
            f'<h1 class="entry-title">{esc(a.title)}</h1><span class=posted-on>{a.date}</span> '
            f'<span class=author>{esc(a.byline)}</span></header><div class="entry-content">{paragraphs(a)}'
            f"</div><footer class=entry-footer>Posted in News | Tagged council, harbour</footer></article>"
            f'{COMMENTS}</div><aside id="secondary" class="widget-area">{NEWSLETTER}{MOST_READ}</aside></div>'
            f"{FOOTER}</div></body>")


def newsletter_inside(a: Article, site: str) -> str:
    return (f"<body>{NAV}<article><h1>{esc(a.title)}</h1>{byline(a)}"
            f"{paragraphs(a, between={2: NEWSLETTER})}{BIO.format(byline=esc(a.byline))}</article>"
            f"{RELATED}{FOOTER}</body>")


def div_paragraphs(a: Article, site: str) -> str:
    body = paragraphs(a, wrap=lambda p: f'<div class="para">{entity_quotes(p)}</div>')
    return (f"<body>{COOKIE}{NAV}<div id=main><div class=headline><h1>{esc(a.title)}</h1></div>{byline(a)}"
            f'<div class="article-text">{body}</div></div>{MOST_READ}{COMMENTS}{FOOTER}</body>')


def br_separated(a: Article, site: str) -> str:
    body = "<br><br>\n".join(entity_quotes(p) for p in a.paragraphs)  # an old CMS: no <p>, no subheadings
    return (f"<body>{NAV}<table class=layout><tr><td class=sidebar>{MOST_READ}</td><td class=content>"
            f"<h1>{esc(a.title)}</h1>{byline(a)}<div class=text>{body}</div></td></tr></table>{FOOTER}</body>")


def amp(a: Article, site: str) -> str:
    return (f'<body><amp-analytics type="gtag"></amp-analytics><header class=amp-header>{site}</header>'
            f'<amp-sidebar id=menu>{NAV}</amp-sidebar><main id=content role=main><article class=amp-article>'
            f"<header><h1 class=amp-title>{esc(a.title)}</h1>{byline(a)}</header>"
            f'<div class="amp-body">{paragraphs(a, between={2: AD})}</div></article></main>{FOOTER}</body>')


def modal_end(a: Article, site: str) -> str:
    return (f"<body>{NAV}<div class=container><div class=row><div class=col-main><h1>{esc(a.title)}</h1>"
            f"{byline(a)}{SHARE}<section class=article-body>{paragraphs(a)}</section>{SHARE}</div>"
            f"<div class=col-side>{RELATED}{NEWSLETTER}</div></div></div>{FOOTER}{MODAL}{COOKIE}</body>")


def live(a: Article, site: str) -> str:
    body = "\n".join(f'<div class="live-post"><p>{entity_quotes(p)}</p></div>' for p in a.paragraphs)
    return (f"<body>{NAV}<main><h1>{esc(a.title)}</h1>{byline(a)}<div class=live-blog>{body}</div>"
            f"</main>{COMMENTS}{FOOTER}</body>")


def pull_quote(a: Article, site: str) -> str:
    return (f"<body>{COOKIE}{NAV}<article><h1>{esc(a.title)}</h1>{byline(a)}"
            f"{paragraphs(a)}</article>{RELATED}{MOST_READ}{FOOTER}</body>")


def sections(a: Article, site: str) -> str:
    return (f"<body><div id=app><div class=topbar>{NAV}</div><div class=grid><section class=story>"
            f"<h1 itemprop=headline>{esc(a.title)}</h1>{byline(a)}<div itemprop=articleBody>"
            f"{paragraphs(a, between={3: AD})}</div>{BIO.format(byline=esc(a.byline))}</section>"
            f"<aside>{MOST_READ}</aside></div>{COMMENTS}</div>{FOOTER}</body>")


def inline_scripts(a: Article, site: str) -> str:
    ps = paragraphs(a, between={1: SCRIPT, 4: SCRIPT})
    return (f"<body>{SCRIPT}{NAV}<article><h1>{esc(a.title)}</h1>{byline(a)}{ps}</article>"
            f"<noscript>Please enable JavaScript to view the comments.</noscript>{COMMENTS}{FOOTER}</body>")


def cp1252(a: Article, site: str) -> str:
    # literal curly quotes (not entities): the file is written in Windows-1252
    body = "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
    return (f"<body>{NAV}<div id=story><h1>{esc(a.title)}</h1>{byline(a)}{body}</div>{RELATED}"
            f"{COOKIE}{FOOTER}</body>")


LAYOUTS = [classic, ads_between, blog, newsletter_inside, div_paragraphs, br_separated, amp, modal_end,
           live, pull_quote, sections, inline_scripts, cp1252, classic, blog, ads_between]


def plain_text(a: Article) -> str:
    """The article as a reader copies it: the headline, then the paragraphs (and the subheading)."""
    parts = [a.title]
    for i, p in enumerate(a.paragraphs):
        if a.subhead and a.subhead[0] == i:
            parts.append(a.subhead[1])
        parts.append(p)
    return "\n\n".join(parts) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    index = []
    for n, layout in enumerate(LAYOUTS):
        a = ARTICLES[n % len(ARTICLES)]
        site = SITES[n % len(SITES)]
        name = f"{n + 1:02d}-{layout.__name__.replace('_', '-')}-{a.slug}"
        page = f"<!DOCTYPE html>\n<html lang=en>{head(a, site, n)}\n{layout(a, site)}</html>\n"
        subhead_kept = layout is not br_separated and layout is not live and layout is not cp1252
        if layout is cp1252:
            page = page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" '
                                'content="text/html; charset=windows-1252">')
            (OUT / f"{name}.html").write_bytes(page.encode("cp1252"))
        else:
            (OUT / f"{name}.html").write_text(page, encoding="utf-8")
        copy = a if subhead_kept else Article(a.slug, a.title, a.byline, a.date, a.paragraphs)
        (OUT / f"{name}.txt").write_text(plain_text(copy), encoding="utf-8")
        index.append({"page": f"{name}.html", "text": f"{name}.txt", "title": a.title, "byline": a.byline,
                      "date": a.date, "site": site, "layout": layout.__name__})
    (OUT / "pages.json").write_text(json.dumps({"sentinels": SENTINELS, "pages": index}, indent=1,
                                               ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(index)} pages to {OUT}")


if __name__ == "__main__":
    main()
