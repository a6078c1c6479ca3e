"""The Erreichbarkeit page's URL state: threshold, aLA service and the planned places."""

from __future__ import annotations

import pytest

from dashboard.model.state import MAX_PLAN, parse_query, to_query


def test_plan_threshold_and_service_round_trip():
    state, problems = parse_query(
        "?threshold=50&aservice=arbeitsbereich&plan=010010000000,146260110110,010010000000"
    )
    assert problems == []
    assert (state.threshold, state.aservice) == (50, "arbeitsbereich")
    assert state.plan == "010010000000,146260110110"  # a repeated place counts once
    assert parse_query(to_query(state))[0] == state


@pytest.mark.parametrize("query", [
    "?plan=12345", "?plan=010010000000;146260110110", "?plan=" + ",".join(["010010000000"] *
                                                                           (MAX_PLAN + 1)),
    "?threshold=30", "?threshold=ten", "?aservice=eingangsverfahren",
])
def test_a_malformed_access_parameter_falls_back_with_a_problem(query):
    state, problems = parse_query(query)
    assert len(problems) == 1
    assert (state.threshold, state.aservice, state.plan) == (25, "all", "")
