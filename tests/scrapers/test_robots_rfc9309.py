"""robots.txt read by RFC 9309 (through Protego): the RFC's own examples, urllib's answer beside
ours where the two differ, and the whole policy over a loopback server."""

from __future__ import annotations

from urllib.robotparser import RobotFileParser

import pytest
import requests

from scrapers.exceptions import RobotsDisallowed
from scrapers.robots import RobotsPolicy, RobotsRules, product_token

AGENT = "aLA-Atlas/0.1 (+https://github.com/ala-atlas/ala-atlas)"
TOKEN = "ala-atlas"

LONGEST = "User-agent: *\nDisallow: /adressen/\nAllow: /adressen/suche/\n"
PATTERN = "User-agent: *\nDisallow: /*.pdf$\n"
EQUAL = "User-agent: *\nDisallow: /liste\nAllow: /liste\n"
MERGED = "User-agent: aLA-Atlas\nDisallow: /foo\n\nUser-agent: *\nDisallow: /\n\n" \
         "User-agent: ala-atlas\nDisallow: /baz\n"
CASE = "User-agent: ALA-ATLAS\nDisallow: /privat/\n\nUser-agent: *\nDisallow: /\n"
PREFIX = "User-agent: ala\nDisallow: /\n\nUser-agent: *\nDisallow: /nur-star/\n"
COMMENT = "User-agent: github.com\nDisallow: /\n"
# RFC 9309 section 5.1 (simple example) and 5.2 (longest match), verbatim apart from agents
RFC_5_1 = """User-Agent: *
Disallow: *.gif$
Disallow: /example/
Allow: /publications/

User-Agent: foobot
Disallow:/
Allow:/example/page.html
Allow:/example/allowed.gif

User-Agent: barbot
User-Agent: bazbot
Disallow: /example/page.html

User-Agent: quxbot
"""
RFC_5_2 = "User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n"

# rule set name, robots.txt, agent, path, urllib.robotparser's answer, RFC 9309's (ours)
CASES = [
    ("longest match", LONGEST, AGENT, "/adressen/suche/ergebnis", False, True),
    ("longest match", LONGEST, AGENT, "/adressen/liste", False, False),
    ("* and $", PATTERN, AGENT, "/a.pdf", True, False),
    ("* and $", PATTERN, AGENT, "/a.pdf?x=1", True, True),
    ("* and $", PATTERN, AGENT, "/dir/b.pdf", True, False),
    ("Allow wins at equal length", EQUAL, AGENT, "/liste", False, True),
    ("same agent merged", MERGED, AGENT, "/foo/1", False, False),
    ("same agent merged", MERGED, AGENT, "/baz/1", True, False),
    ("same agent merged", MERGED, AGENT, "/other", True, True),
    ("agent case-insensitive", CASE, AGENT, "/privat/x", False, False),
    ("agent case-insensitive", CASE, AGENT, "/oeffentlich", True, True),
    ("token, not prefix", PREFIX, AGENT, "/seite", False, True),
    ("token, not prefix", PREFIX, AGENT, "/nur-star/x", False, False),
    ("token, not comment", COMMENT, AGENT, "/seite", True, True),
    ("RFC 5.1", RFC_5_1, "foobot", "/example/page.html", False, True),
    ("RFC 5.1", RFC_5_1, "foobot", "/example/allowed.gif", False, True),
    ("RFC 5.1", RFC_5_1, "foobot", "/example/other", False, False),
    ("RFC 5.1", RFC_5_1, "barbot", "/example/page.html", False, False),
    ("RFC 5.1", RFC_5_1, "bazbot", "/example/page.html", False, False),
    ("RFC 5.1", RFC_5_1, "bazbot", "/publications/", True, True),
    ("RFC 5.1", RFC_5_1, "quxbot", "/example/", False, True),
    ("RFC 5.1", RFC_5_1, "otherbot", "/x/picture.gif", True, False),
    ("RFC 5.1", RFC_5_1, "otherbot", "/publications/a", True, True),
    ("RFC 5.1", RFC_5_1, "otherbot", "/example/a", False, False),
    ("RFC 5.2", RFC_5_2, "foobot", "/example/page/disallowed.gif", True, False),
    ("RFC 5.2", RFC_5_2, "foobot", "/example/page/other.gif", True, True),
]


def urllib_answer(text: str, agent: str, path: str) -> bool:
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return parser.can_fetch(agent, "https://www.rehadat-adressen.de" + path)


@pytest.mark.parametrize(("name", "text", "agent", "path", "urllib_says", "rfc_says"), CASES,
                         ids=[f"{c[0]}:{c[2].split('/')[0]}:{c[3]}" for c in CASES])
def test_robots_rules_follow_rfc_9309_where_urllib_does_not(
    name, text, agent, path, urllib_says, rfc_says
):
    rules = RobotsRules(text, product_token(agent))
    assert rules.allows("https://www.rehadat-adressen.de" + path) is rfc_says, name
    assert rules.allows(path) is rfc_says  # a path alone is read the same way
    # the table in the docs records urllib's real answer, so a change there shows up here
    assert urllib_answer(text, agent, path) is urllib_says


def test_the_product_token_is_the_first_word_before_its_version_lower_cased():
    assert product_token(AGENT) == TOKEN
    assert product_token("FooBot") == "foobot"


@pytest.mark.parametrize("agent", ["", "   ", "4lA/1.0", "(+x)"])
def test_a_user_agent_without_a_product_token_is_refused_with_a_reason(agent):
    with pytest.raises(ValueError, match="product token"):
        product_token(agent)


def test_no_rules_allow_everything_and_robots_txt_itself_is_always_allowed():
    assert RobotsRules(None, TOKEN).allows("https://h/anything")
    assert RobotsRules("User-agent: *\nDisallow: /\n", TOKEN).allows("https://h/robots.txt")


def test_the_policy_reads_the_live_robots_txt_by_the_rfc(site):
    site.robots = LONGEST + "Disallow: /*.pdf$\n"
    policy = RobotsPolicy(requests.Session(), AGENT)
    policy.check(f"{site.base_url}/adressen/suche/ergebnis")  # allowed: longest match
    with pytest.raises(RobotsDisallowed, match="robots.txt .* disallows") as refused:
        policy.check(f"{site.base_url}/adressen/liste")
    assert refused.value.url == f"{site.base_url}/adressen/liste"
    with pytest.raises(RobotsDisallowed):
        policy.check(f"{site.base_url}/a.pdf")
    assert policy.statuses == {f"{site.base_url}/robots.txt": 200}
    assert len(site.robots_hits()) == 1  # read once per host


def test_a_policy_with_a_malformed_user_agent_fails_at_once():
    with pytest.raises(ValueError, match="product token"):
        RobotsPolicy(requests.Session(), "(+https://example.org)")
