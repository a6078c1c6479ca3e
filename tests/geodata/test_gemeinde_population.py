"""Population per VG5000 2021 Gemeinde, derived from the Destatis GV extract (31.12.2019)."""

from __future__ import annotations

import pandas as pd

import geodata
from geodata.gemeinde_population import CHANGES_2021
from geodata.paths import RAW_DIR
from geodata.population import GERMANY_2019, kreis_population

CHECK_TABLE = RAW_DIR / "population" / "gemeinden" / "vg5000_2021_gemeinden_population_2019.csv"


def test_every_vg5000_gemeinde_has_a_population_and_the_total_is_germanys():
    population = geodata.gemeinde_population()
    gemeinden = geodata.load_gemeinden()
    assert len(population) == 10_997
    assert list(population.index) == list(gemeinden["ars"])
    assert population.notna().all() and (population >= 0).all()
    assert int(population.sum()) == GERMANY_2019 == 83_166_711


def test_population_per_kreis_equals_the_kreis_table():
    population = geodata.gemeinde_population()
    per_kreis = population.groupby(population.index.str[:5]).sum()
    expected = kreis_population()
    assert len(per_kreis) == 401
    pd.testing.assert_series_equal(
        per_kreis.sort_index(), expected.sort_index(), check_names=False, check_index_type=False
    )


def test_the_check_table_agrees_row_by_row():
    check = pd.read_csv(CHECK_TABLE, dtype={"ARS": str}).set_index("ARS")["pop"]
    population = geodata.gemeinde_population()
    assert (check.reindex(population.index) == population).all()


def test_the_municipal_changes_of_2021_land_where_the_check_table_puts_them():
    check = pd.read_csv(CHECK_TABLE, dtype={"ARS": str, "gv_ars": str}).set_index("ARS")
    population = geodata.gemeinde_population()
    for new_ars in {target for target, _ in CHANGES_2021.values()}:
        assert set(check.loc[new_ars, "gv_ars"].split(";")) == {
            old for old, (target, _) in CHANGES_2021.items() if target == new_ars
        } | ({new_ars} if new_ars in check.loc[new_ars, "gv_ars"] else set())
        assert population[new_ars] == check.loc[new_ars, "pop"] > 0
    # Uninhabited gemeindefreie Gebiete have 0 people, not a missing value.
    assert (population == 0).sum() == (check["pop"] == 0).sum() == 205
