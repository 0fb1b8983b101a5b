"""Demo: the province pages of Iğdır and İzmir with the figures of their service booklets.

Loads ``province_service_stats.json`` from the portal's official data folder
(``cooperation/data``) through the same loader as the ``load_service_figures`` command.
Population figures are loaded only from an official file (``province_population.csv`` in the
same folder) when one is present; none is invented, so without it the map's "per 100,000
people" mode says there is no data.
"""

import sys

from cooperation.models import ProvincePopulation, ServiceFigure
from cooperation.provinces import (
    POPULATION_FILE,
    SERVICE_FIGURES_FILE,
    load_population,
    load_service_figures,
    official_data_dir,
)


def build() -> dict[str, int]:
    folder = official_data_dir()
    figures_before = ServiceFigure.objects.count()
    populations_before = ProvincePopulation.objects.count()
    figures_file = folder / SERVICE_FIGURES_FILE
    if figures_file.exists():
        load_service_figures(figures_file)
    else:
        sys.stderr.write(
            f"Province service figures skipped: {figures_file} is missing, so the province "
            "pages say that no official figures are loaded.\n"
        )
    population_file = folder / POPULATION_FILE
    if population_file.exists():
        load_population(population_file)
    return {
        "service_figures": ServiceFigure.objects.count() - figures_before,
        "province_populations": ProvincePopulation.objects.count() - populations_before,
    }
