"""Figures as plain functions of data frames: testable without a browser, reused by exports."""

from dashboard.figures.choropleth import choropleth_figure, empty_map
from dashboard.figures.common import graph_config
from dashboard.figures.ranking import ranking_figure

__all__ = ["choropleth_figure", "empty_map", "graph_config", "ranking_figure"]
