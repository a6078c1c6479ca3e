"""Settings: documented, overridable from the environment, typos rejected; the throttle's pacing."""

from __future__ import annotations

import dataclasses

import pytest

from scrapers.exceptions import SettingsError
from scrapers.http import RETRY_STATUSES, build_retry, build_session
from scrapers.settings import Settings, describe, from_env
from scrapers.throttle import Throttle


def test_every_setting_is_documented():
    for name, help_text in describe().items():
        assert len(help_text) > 15, f"{name} needs a help text"


def test_the_defaults_are_the_polite_ones():
    s = Settings()
    assert s.DOWNLOAD_DELAY >= 1.0
    assert s.ROBOTSTXT_OBEY is True
    assert "aLA-Atlas" in s.USER_AGENT and "https://" in s.USER_AGENT
    assert s.listing_url("ib") == (
        "https://www.rehadat-adressen.de/adressen/arbeit-beschaeftigung/"
        "inklusionsbetriebe/index.html?mode=detail"
    )


def test_environment_variables_override_and_are_typed():
    s = from_env({
        "ATLAS_SCRAPER_DOWNLOAD_DELAY": "2.5",
        "ATLAS_SCRAPER_RETRY_TIMES": "7",
        "ATLAS_SCRAPER_ROBOTSTXT_OBEY": "yes",
        "ATLAS_SCRAPER_CATEGORY_SLUGS": "ala=aLA-neu",
        "UNRELATED": "x",
    })
    assert (s.DOWNLOAD_DELAY, s.RETRY_TIMES, s.ROBOTSTXT_OBEY) == (2.5, 7, True)
    assert s.CATEGORY_SLUGS["ala"] == "aLA-neu"
    assert s.CATEGORY_SLUGS["ib"] == "inklusionsbetriebe"


def test_an_unknown_environment_setting_fails_at_start_up():
    with pytest.raises(SettingsError, match="unknown environment setting ATLAS_SCRAPER_DELAY"):
        from_env({"ATLAS_SCRAPER_DELAY": "1"})


def test_a_malformed_value_names_the_variable():
    with pytest.raises(SettingsError, match="ATLAS_SCRAPER_RETRY_TIMES='many'"):
        from_env({"ATLAS_SCRAPER_RETRY_TIMES": "many"})


def test_cli_overrides_ignore_options_that_were_not_given():
    s = Settings().replace(BASE_URL=None, DOWNLOAD_DELAY=0)
    assert s.BASE_URL == Settings().BASE_URL and s.DOWNLOAD_DELAY == 0
    with pytest.raises(SettingsError, match="unknown setting"):
        Settings().replace(NOPE=1)


def test_retries_are_configured_on_the_session_with_backoff_jitter_and_retry_after():
    settings = Settings(RETRY_TIMES=4, RETRY_BACKOFF=0.5, RETRY_JITTER=0.25)
    retry = build_retry(settings)
    assert retry.total == 4 and retry.backoff_factor == 0.5 and retry.backoff_jitter == 0.25
    assert retry.respect_retry_after_header is True
    assert set(retry.status_forcelist) == set(RETRY_STATUSES) >= {429, 500, 502, 503, 504}
    session = build_session(settings)
    adapter = session.get_adapter("https://www.rehadat-adressen.de/")
    assert adapter.max_retries.total == 4
    assert adapter.timeout == (settings.CONNECT_TIMEOUT, settings.READ_TIMEOUT)
    assert session.headers["User-Agent"] == settings.USER_AGENT


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_the_throttle_spaces_requests_by_the_delay():
    clock = FakeClock()
    throttle = Throttle(1.0, clock=clock, sleep=clock.sleep)
    throttle.wait()          # first request: no wait
    clock.now += 0.25        # the request took 0.25 s
    throttle.wait()
    clock.now += 2.0         # a slow parse: already past the delay
    throttle.wait()
    assert clock.slept == [0.75]


def test_a_zero_delay_never_sleeps_and_a_negative_one_is_refused():
    clock = FakeClock()
    throttle = Throttle(0, clock=clock, sleep=clock.sleep)
    for _ in range(3):
        throttle.wait()
    assert clock.slept == []
    with pytest.raises(ValueError, match="delay must be >= 0"):
        Throttle(-1)


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().BASE_URL = "x"  # type: ignore[misc]
