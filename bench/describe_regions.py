"""The generated profile paragraph and text alternatives of three regions, beside the numbers
they were built from (evidence for issue 13; prints, does not assert).

    .venv/bin/python bench/describe_regions.py [--db URL] [--lang de|en] [--codes A B C]

For each region (by default Landkreis Rosenheim 09187, the Kreis with the fewest providers
and no aLA, and Bayern 09): the snapshot (id, date, origin), the store's region metrics per
category (count, per 100,000, population) with the profile's rank among its peers, then the
paragraph (dashboard.model.profile.profile_paragraph), the locator map's alt text
(dashboard.text.region_position.locator_text, with the representative point it was placed from) and
whether the Karte's alt text names it; then the Karte's alt text (dashboard.text.describe.
map_description, aLA per 100,000) for Kreise and Länder beside the frame's range and highest.
Without --db a temporary SQLite file with the demo default is built (labelled demo data:
"Beispieldaten").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _demo_store import demo_url  # noqa: E402  (bench/ is first on the path of a script)

import store  # noqa: E402
from dashboard.model import metrics as m  # noqa: E402
from dashboard.model.data import AtlasData  # noqa: E402
from dashboard.model.profile import load_profile, profile_paragraph, profile_title  # noqa: E402
from dashboard.text.describe import map_description  # noqa: E402
from dashboard.text.region_position import _points, locator_text, region_position  # noqa: E402


def fewest_kreis(data: AtlasData, snapshot_id: int) -> str:
    """The Kreis with no aLA and the fewest providers of all kinds (ties: lowest ARS)."""
    frames = {c: data.region_metrics(snapshot_id, "kreis", c).set_index("code")["count"]
              for c in m.CATEGORIES}
    total = sum(frames.values())
    candidates = total[frames["ala"].eq(0)].sort_index(kind="stable")
    return str(candidates.sort_values(kind="stable").index[0])


def show(data: AtlasData, snapshot: dict, code: str, lang: str) -> None:
    profile = load_profile(data, snapshot, code)
    if profile is None:
        print(f"\n== {code}: unknown region")
        return
    sid = int(snapshot["id"])
    level = profile.level if profile.level != "de" else "land"
    print(f"\n== {code}  {profile_title(profile, lang)}  (level {profile.level})")
    print(f"   snapshot {sid}, taken {str(snapshot['taken_at'])[:10]}, origin "
          f"{snapshot.get('origin')} ({snapshot.get('source')})")
    print(f"   population (profile): {profile.population:,}")
    for figures in profile.categories:
        if profile.level == "de":
            stored = "(Germany: sum of all listed providers)"
        else:
            row = data.region_metrics(sid, level, figures.category).set_index("code").loc[code]
            stored = (f"store: count {row['count']}, per_100k {row['per_100k']:.3f}, "
                      f"population {int(row['population']):,}")
        print(f"   {figures.category:4}  count {figures.count}, per_100k {figures.per_100k}, "
              f"rank {figures.rank} of {figures.peers} (none: {figures.regions_with_none}), "
              f"national {figures.national_count} / {figures.national_per_100k}; {stored}")
    print("\n   paragraph:")
    print("   " + profile_paragraph(profile, lang))
    point = _points(level).get(code) if profile.level != "de" else None
    where = region_position(code, level) if point else "-"
    point_text = f"({point[0]:.3f}, {point[1]:.3f})" if point else "-"
    print(f"\n   locator alt text (representative point lon/lat {point_text} -> {where}):")
    print("   " + locator_text(profile, lang))
    if profile.level != "de":
        text = karte_text(data, snapshot, level, lang)
        print(f"   named in the Karte alt text ({level}, below): "
              f"{'yes' if profile.name in text else 'no'}")


def karte_text(data: AtlasData, snapshot: dict, level: str, lang: str) -> str:
    sid = int(snapshot["id"])
    frame = data.region_metrics(sid, level, "ala")
    return map_description(frame, "per_100k", "ala", level, str(snapshot["taken_at"])[:10], lang)


def show_karte(data: AtlasData, snapshot: dict, level: str, lang: str) -> None:
    """The Karte's alt text (aLA per 100,000) beside the frame's extremes and zero count."""
    frame = data.region_metrics(int(snapshot["id"]), level, "ala")
    some = frame[frame["count"] > 0].sort_values(["per_100k", "name"], ascending=[False, True])
    print(f"\n== Karte alt text, aLA per 100,000 by {level}")
    print(f"   frame: {len(frame)} regions, {int((frame['count'] == 0).sum())} with none; "
          f"per_100k from {some['per_100k'].min():.3f} to {some['per_100k'].max():.3f}; "
          "highest: " + ", ".join(f"{n} {v:.3f}" for n, v in zip(
              some["name"].head(3), some["per_100k"].head(3), strict=True)))
    print("   " + karte_text(data, snapshot, level, lang))

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    parser.add_argument("--codes", nargs="*", default=None)
    args = parser.parse_args()
    db = demo_url(args.db, "ala-describe-")
    data = AtlasData(store.connect(db))
    snapshot = data.served()
    codes = args.codes or ["09187", fewest_kreis(data, int(snapshot["id"])), "09"]
    print(f"store: {db}; served snapshot {snapshot['id']} of {str(snapshot['taken_at'])[:10]}"
          f" ({'demo data / Beispieldaten' if snapshot.get('origin') == 'demo' else 'real'})")
    for code in codes:
        show(data, snapshot, code, args.lang)
    for level in ("kreis", "land"):
        show_karte(data, snapshot, level, args.lang)


if __name__ == "__main__":
    main()
